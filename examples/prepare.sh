#!/bin/sh
# The one preparation step before the examples' images build, from a clone:
#   sh examples/prepare.sh
# docker-container-init is not on the npm registry yet, so each image gets the
# package as `npm pack` makes it from this checkout, and an npm cache that holds
# its one dependency (koffi, with its prebuilt addons for Linux x64 and arm64):
# the build then needs no network at all. single-file/ gets the single executable.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$root"
[ -d node_modules ] || npm ci
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" >/dev/null
koffi=$(node -p 'require("./node_modules/koffi/package.json").version')
npm cache add --cache "$work/npm-cache" "koffi@$koffi" "@koromix/koffi-linux-x64@$koffi" "@koromix/koffi-linux-arm64@$koffi" >/dev/null
for example in node-app vm services; do
  rm -rf "$here/$example/npm-cache"
  cp "$work"/docker-container-init-*.tgz "$here/$example/docker-container-init.tgz"
  cp -R "$work/npm-cache" "$here/$example/npm-cache"
done
SEA=1 ./build.sh >/dev/null
cp dist/sea/docker-container-init "$here/single-file/docker-container-init"
echo "examples/: the package, its npm cache and the single executable are in place"
