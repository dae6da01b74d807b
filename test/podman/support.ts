// Podman for the real-engine tests, as root and rootless (scripts/engines/podman/test.sh
// imports the image into both). Rootless runs podman as DCI_PODMAN_USER, with
// its own XDG_RUNTIME_DIR and the vfs storage driver; there, PID 1 lives in a
// user namespace whose uid 0 is that user.
import { spawnSync } from 'node:child_process';
import { commandEngine, type Engine } from '../engines/containers.js';

export const IMAGE = 'localhost/dci-test:podman';

/**
 * What `podman run` needs on these machines: root here lacks CAP_SYS_RESOURCE,
 * so runc cannot raise the limits to podman's defaults; no network (rootless
 * networking needs /dev/net/tun, and nothing here needs one).
 */
export const RUN = ['--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=4096:4096', '--network', 'none'] as const;

/** A user's uid, gid and home, from the passwd database. */
function getent(user: string): { uid: number; gid: number; home: string } {
  const fields = spawnSync('getent', ['passwd', user], { encoding: 'utf8' }).stdout.trim().split(':');
  if (fields.length < 6) throw new Error(`no user ${user}: scripts/engines/podman/test.sh makes it`);
  return { uid: Number(fields[2]), gid: Number(fields[3]), home: fields[5]! };
}

const user = process.env['DCI_PODMAN_USER'] ?? 'dcitest';
const runtime = process.env['DCI_PODMAN_RUNTIME'] ?? '';
const account = getent(user);

export const ENGINES: readonly Engine[] = [
  commandEngine('podman', ['podman']),
  commandEngine(
    'podman rootless',
    ['setpriv', `--reuid=${account.uid}`, `--regid=${account.gid}`, '--init-groups', 'podman', '--storage-driver', 'vfs'],
    { env: { PATH: process.env['PATH'], HOME: account.home, XDG_RUNTIME_DIR: runtime }, cwd: account.home },
  ),
];
