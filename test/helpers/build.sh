#!/bin/sh
# Compiles the C helpers the integration tests run as commands.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../.bin"
mkdir -p "$out"
for src in "$here"/*.c; do
  name=$(basename "$src" .c)
  if [ ! -x "$out/$name" ] || [ "$src" -nt "$out/$name" ]; then
    cc -O2 -Wall -o "$out/$name" "$src"
  fi
done
