#!/bin/sh
# npm run test:podman: the real-engine tests under Podman (test/podman/), as
# root and rootless. Podman has no daemon: each command is its own process,
# and what stays between them is a rootless user's pause process (which keeps
# its user namespace) and each container's conmon; both are stopped here, by
# pid, however the tests end. The test image is one root file system
# (scripts/engines/rootfs.sh) with Node.js 24 and the npm package installed
# in /usr/local as npm installs it, the single executable beside it, the test
# helpers and the "container as a VM" example's scripts; imported by each
# engine (no registry, no build).
# Needs: podman, uidmap (newuidmap for rootless), and a user for rootless
# (DCI_PODMAN_USER, default dcitest, made with useradd -m if missing, which
# gives it its /etc/subuid and /etc/subgid ranges).
set -eu
cd "$(dirname "$0")/../../.."
user=${DCI_PODMAN_USER:-dcitest}
image=localhost/dci-test:podman

id "$user" >/dev/null 2>&1 || useradd -m "$user"
home=$(getent passwd "$user" | cut -d: -f6)
uid=$(id -u "$user")
runtime=/tmp/dci-podman-run-$uid
mkdir -p "$runtime"
chown "$user:" "$runtime"
chmod 700 "$runtime"
as_user() { (cd "$home" && setpriv --reuid="$uid" --regid="$(id -g "$user")" --init-groups env HOME="$home" XDG_RUNTIME_DIR="$runtime" "$@"); }

stop_all() {
  podman rm -af -t 0 >/dev/null 2>&1 || true
  as_user podman --storage-driver vfs rm -af -t 0 >/dev/null 2>&1 || true
  # The rootless user's pause process keeps its user namespace between commands.
  pause=$(cat "$runtime/libpod/tmp/pause.pid" 2>/dev/null || true)
  if [ -n "$pause" ]; then kill "$pause" 2>/dev/null || true; fi
  for pid in $(pgrep -x conmon || true); do kill "$pid" 2>/dev/null || true; done
}

npm run build:tests >/dev/null
SEA=1 ./build.sh >/dev/null
work=$(mktemp -d)
trap 'stop_all; rm -rf "$work"' EXIT
chmod 755 "$work"

# The image's root file system.
mkdir "$work/root"
tar -C "$work/root" -xf "$(sh scripts/engines/rootfs.sh)"
node24=$(sh scripts/with-node.sh 24 sh -c 'command -v node')
cp "$node24" "$work/root/usr/local/bin/node"
package=$(npm pack --silent --pack-destination "$work")
npm install --global --prefix "$work/root/usr/local" --globalconfig "$(npm config get globalconfig)" --no-audit --no-fund "$work/$package" >/dev/null
cp dist/sea/docker-container-init "$work/root/usr/local/bin/docker-container-init-sea"
cp test/.bin/sigrecord test/.bin/orphans test/.bin/zombify test/.bin/probe "$work/root/usr/local/bin/"
cp examples/vm/entrypoint.sh examples/vm/worker.sh "$work/root/"
tar -C "$work/root" -cf "$work/image.tar" .
chmod 644 "$work/image.tar"
rm -rf "$work/root"

podman rmi -f "$image" >/dev/null 2>&1 || true
podman import "$work/image.tar" "$image" >/dev/null
as_user podman --storage-driver vfs rmi -f "$image" >/dev/null 2>&1 || true
as_user podman --storage-driver vfs import "$work/image.tar" "$image" >/dev/null
rm -f "$work/image.tar"

DCI_PODMAN_USER=$user DCI_PODMAN_RUNTIME=$runtime npx ava --config ava.podman.config.js "$@"
