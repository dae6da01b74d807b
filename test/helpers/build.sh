#!/bin/sh
# Compiles the C helpers the integration and stress tests run as commands.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../.bin"
mkdir -p "$out"
for src in "$here"/*.c; do
  name=$(basename "$src" .c)
  if [ ! -x "$out/$name" ] || [ "$src" -nt "$out/$name" ]; then
    cc -O2 -Wall -DSIGRECORD="\"$out/sigrecord\"" -o "$out/$name" "$src"
  fi
done
# rootstay must run as root whoever starts it (it checks that an unprivileged
# init reports a kill it is not permitted to make).
chmod 4755 "$out/rootstay"
