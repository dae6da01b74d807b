#!/bin/sh
# Builds the distributable: one bundled, executable CommonJS file with a node
# shebang, dist/docker-container-init by default (scripts/build.mjs bundles).
#   OUTPUT_FILENAME=path ./build.sh   writes the binary to that path instead
#                                     (its folder must exist).
#   SEA=1 ./build.sh                  builds one self-contained executable
#                                     (Node.js single executable application, koffi
#                                     included), dist/sea/docker-container-init by default,
#                                     from the node that runs it (Node 24 from the npm
#                                     registry when that one is older than 22);
#                                     SEA_NODE=path/to/node makes it from that node
#                                     binary instead (arm64's: scripts/arm64/test.sh),
#                                     SEA_KOFFI=path/to/koffi.node with its addon.
# koffi stays outside the bundle (it carries a native addon): the binary finds
# it in node_modules next to the installed package, or else in this tree.
set -eu
cd "$(dirname "$0")"

if [ "${SEA:-}" = 1 ] && [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 22 ]; then
  # A single executable made from Node 20 would let the app's NODE_OPTIONS act on
  # the init (SPEC §13): Node 22 and later can build one that ignores them.
  echo "build.sh: SEA=1 builds from Node.js 24, fetched from the npm registry (this node is $(node --version))" >&2
  exec sh scripts/with-node.sh 24 sh "$0" "$@"
fi
if [ "${SEA:-}" = 1 ]; then
  default=dist/sea/docker-container-init
  mkdir -p dist/sea
else
  default=dist/docker-container-init
fi
output=${OUTPUT_FILENAME:-$default}
folder=$(dirname "$output")
if [ "$output" = "dist/docker-container-init" ]; then
  mkdir -p dist
  # Files in dist/ are CommonJS whatever the package's own "type" says.
  printf '{ "type": "commonjs" }\n' > dist/package.json
elif [ ! -d "$folder" ]; then
  echo "build.sh: OUTPUT_FILENAME=$output: folder $folder does not exist" >&2
  exit 1
fi

version=$(node -p 'require("./package.json").version')
build_date=$(date -u '+%Y-%m-%d %H:%M:%S UTC')

if [ "${SEA:-}" = 1 ]; then
  mode=--sea
elif [ "$output" = "dist/docker-container-init" ]; then
  mode=--library   # the regular build makes the library (dist/lib/) too
else
  mode=
fi
node scripts/build.mjs $mode "$output" "$version" "$build_date"
echo "built $output" >&2
