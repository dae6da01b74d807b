#!/bin/sh
# Builds the distributable: one bundled, executable CommonJS file with a node
# shebang, dist/docker-container-init by default.
#   OUTPUT_FILENAME=path ./build.sh   writes the binary to that path instead
#                                     (its folder must exist).
# koffi stays outside the bundle (it carries a native addon): the binary finds
# it in node_modules next to the installed package, or else in this tree.
set -eu
cd "$(dirname "$0")"

output=${OUTPUT_FILENAME:-dist/docker-container-init}
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
project=$(pwd)

# The header makes the file work both as CommonJS and, should it be copied into
# a folder whose package.json says "type": "module", as an ES module: require
# and import.meta.url are derived from the file's real path either way.
header='#!/usr/bin/env node
var __bundleFile = process.getBuiltinModule("node:fs").realpathSync(process.argv[1]),
  require = process.getBuiltinModule("node:module").createRequire(__bundleFile),
  __bundleUrl = process.getBuiltinModule("node:url").pathToFileURL(__bundleFile).href;'

node_modules/.bin/esbuild src/cli.ts \
  --bundle --platform=node --target=node20 --format=cjs \
  --external:koffi \
  --define:import.meta.url=__bundleUrl \
  --define:__VERSION__="\"$version\"" \
  --define:__BUILD_DATE__="\"$build_date\"" \
  --define:__KOFFI_FALLBACK__="\"$project/package.json\"" \
  --banner:js="$header" \
  --log-level=warning \
  --outfile="$output"
chmod +x "$output"
echo "built $output"
