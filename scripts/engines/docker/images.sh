#!/bin/sh
# The base images the examples and the real-engine tests name, made here with
# no registry (nothing can be pulled): debian:bookworm-slim from debootstrap
# (scripts/engines/rootfs.sh),
# and node:20-slim / node:24-slim look-alikes (that root file system, a node
# binary and npm in /usr/local, user node with uid 1000). An image that exists
# already is kept.
set -eu
DOCKER=/usr/bin/docker
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

have() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

if ! have debian:bookworm-slim; then
  "$DOCKER" import "$(sh "$root/scripts/engines/rootfs.sh")" debian:bookworm-slim >/dev/null
fi

# node:LINE-slim: the npm of this machine, and the node binary of that line.
node_image() {
  line=$1
  bin=$2
  have "node:$line-slim" && return 0
  echo "images.sh: node:$line-slim with $("$bin/node" --version)" >&2
  context="$work/node-$line"
  mkdir -p "$context/bin" "$context/lib"
  cp "$bin/node" "$context/bin/node"
  cp -R "$(npm root -g)/npm" "$context/lib/npm"
  cat >"$context/Dockerfile" <<'DOCKERFILE'
FROM debian:bookworm-slim
COPY bin/node /usr/local/bin/node
COPY lib/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
CMD ["node"]
DOCKERFILE
  "$DOCKER" build --network none -q -t "node:$line-slim" "$context" >/dev/null
}
node_image 20 "$(dirname "$(command -v node)")"
node_image 24 "$(dirname "$(sh "$root/scripts/with-node.sh" 24 sh -c 'command -v node' 2>/dev/null)")"
