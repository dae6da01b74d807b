#!/bin/sh
# A Docker engine for the real-engine tests (../../REAL-DOCKER facts, in short:
# Debian's docker.io, no bridge, no iptables; nothing here needs a network).
#   sh scripts/engines/docker/engine.sh start   starts dockerd unless one answers already,
#                                       and prints the pid of the one it started
#   sh scripts/engines/docker/engine.sh stop PID
# The client is /usr/bin/docker (Debian's, which needs no BuildKit).
set -eu
DOCKER=/usr/bin/docker
log=${DCI_DOCKERD_LOG:-/tmp/dci-dockerd.log}

answers() { "$DOCKER" info >/dev/null 2>&1; }

case ${1:-} in
  start)
    if answers; then exit 0; fi
    if ! command -v dockerd >/dev/null 2>&1; then
      echo "engine.sh: no dockerd here: apt-get install -y docker.io" >&2
      exit 1
    fi
    setsid dockerd --iptables=false --ip6tables=false --bridge=none --storage-driver=overlay2 >"$log" 2>&1 &
    pid=$!
    # A fresh machine answers in a second; after many runs a restart can take 15 s.
    tries=0
    until answers; do
      tries=$((tries + 1))
      if ! kill -0 "$pid" 2>/dev/null || [ "$tries" -gt 600 ]; then
        echo "engine.sh: dockerd did not start; the end of $log:" >&2
        tail -n 20 "$log" >&2
        kill "$pid" 2>/dev/null || true
        exit 1
      fi
      sleep 0.1
    done
    echo "$pid"
    ;;
  stop)
    pid=${2:?engine.sh stop PID}
    kill "$pid" 2>/dev/null || exit 0
    # dockerd stops its containerd with it; give both the time to go.
    tries=0
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 300 ]; do
      tries=$((tries + 1))
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    ;;
  *)
    echo "usage: engine.sh start | stop PID" >&2
    exit 2
    ;;
esac
