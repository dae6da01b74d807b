#!/bin/sh
# The root file system every test image starts from (nothing can be pulled
# here): Debian bookworm, minbase, from debootstrap, made once and kept as a
# tarball in the cache (ROOTFS_CACHE, default
# ~/.cache/docker-container-init/rootfs). Prints the tarball's path.
set -eu
cache=${ROOTFS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/docker-container-init/rootfs}
tarball="$cache/bookworm-minbase.tar"
if [ ! -s "$tarball" ]; then
  command -v debootstrap >/dev/null 2>&1 || { echo "rootfs.sh: apt-get install -y debootstrap" >&2; exit 1; }
  mkdir -p "$cache"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # The mirror apt itself uses here.
  mirror=$(sed -n 's/^URIs: *\(.*debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "rootfs.sh: debian bookworm from $mirror" >&2
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/rootfs/var/lib/apt/lists"/* "$work/rootfs/usr/share/doc"/* "$work/rootfs/usr/share/man"/* "$work/rootfs/usr/share/locale"/* "$work/rootfs/var/cache/apt"/*
  tar -C "$work/rootfs" -cf "$tarball.part" .
  mv "$tarball.part" "$tarball"
fi
echo "$tarball"
