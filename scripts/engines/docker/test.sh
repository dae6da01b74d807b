#!/bin/sh
# npm run test:docker: the real-engine tests (test/docker/), on a real Docker
# engine. Starts one unless one answers already (and then stops it again, by
# its pid, however the tests end), makes the base images with no registry
# (images.sh), builds every example's image as its Dockerfile is written after
# examples/prepare.sh, and the test images: the npm package on node:20-slim and
# node:24-slim look-alikes, and the single executable on debian:bookworm-slim.
set -eu
cd "$(dirname "$0")/../../.."
DOCKER=/usr/bin/docker
pid=$(sh scripts/engines/docker/engine.sh start)
if [ -n "$pid" ]; then
  trap 'sh scripts/engines/docker/engine.sh stop "$pid"' EXIT
fi
sh scripts/engines/docker/images.sh
sh examples/prepare.sh >/dev/null 2>&1
build() { "$DOCKER" build --network none -q -t "$@" >/dev/null; }
build example-node-app examples/node-app
build example-vm examples/vm
build example-vm-run -f examples/vm/Dockerfile.run examples/vm
build example-single-file examples/single-file
build example-services examples/services

npm run build:tests >/dev/null
work=$(mktemp -d)
cp test/.bin/* examples/node-app/docker-container-init.tgz "$work/"
cp -R examples/node-app/npm-cache "$work/npm-cache"
cp dist/sea/docker-container-init "$work/sea"
for line in 20 24; do
  cat >"$work/Dockerfile.node$line" <<DOCKERFILE
FROM node:$line-slim
COPY docker-container-init.tgz /tmp/dci/
COPY npm-cache /tmp/dci/npm-cache
RUN npm install -g --offline --cache /tmp/dci/npm-cache /tmp/dci/docker-container-init.tgz && rm -rf /tmp/dci
COPY sigrecord orphans zombify probe /usr/local/bin/
DOCKERFILE
  build "dci-test:node$line" -f "$work/Dockerfile.node$line" "$work"
done
cat >"$work/Dockerfile.sea" <<'DOCKERFILE'
FROM debian:bookworm-slim
COPY sea /usr/local/bin/docker-container-init
COPY sigrecord orphans zombify probe /usr/local/bin/
DOCKERFILE
build dci-test:sea -f "$work/Dockerfile.sea" "$work"
rm -rf "$work"

npx ava --config ava.docker.config.js "$@"
