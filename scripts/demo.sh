#!/bin/sh
# Demo: the built init as PID 1 of a fresh PID namespace, over a command that
# leaves three orphans behind and exits 3. Needs root (unshare --pid).
set -u
cd "$(dirname "$0")/.."

# Lists the namespace's processes (pid, state, parent, name) from its own /proc.
list='for stat in /proc/[0-9]*/stat; do cut -d" " -f1-4 "$stat"; done 2>/dev/null | awk "{ printf \"    pid %-4s %s  parent %-4s %s\n\", \$1, \$3, \$4, \$2 }"'

command="
  echo '--- the command (pid '\$\$') starts three orphans: double forks whose parent exits at once'
  for i in 1 2 3; do (sleep 0.3 &); done
  sleep 0.1
  echo '--- the orphans now belong to PID 1, the init:'
  $list
  sleep 0.6
  echo '--- 0.6 s later they have exited; no zombie (state Z) is left:'
  $list
  echo '--- the command exits with status 3'
  exit 3
"

echo "\$ unshare --pid --fork --mount-proc dist/docker-container-init -v -- sh -c '...'"
env -u NODE_EXTRA_CA_CERTS unshare --pid --fork --mount-proc dist/docker-container-init -v -- sh -c "$command" 2>&1
status=$?
echo "--- the init exited with status $status (the command's)"
[ "$status" -eq 3 ]
