// SPEC §13, §14 for the single executable (npm run test:sea): a read-only root
// file system with noexec /tmp and /dev/shm (docker run --read-only, Kubernetes
// readOnlyRootFilesystem), and the app's NODE_* settings.
import test from 'ava';
import { logLines, runInit } from '../support/init.js';

// The executable is first bound (read-only) at /mnt: a checkout under /tmp would be
// hidden by the tmpfs mounted there.
const READ_ONLY = [
  'mkdir -p /mnt && mount --bind "${INIT%/*}" /mnt && mount -o remount,bind,ro /mnt && INIT="/mnt/${INIT##*/}"',
  'mount -o remount,bind,ro /',
  'mount -t tmpfs -o noexec tmpfs /tmp',
  'mount -t tmpfs -o noexec tmpfs /dev/shm',
].join(' && ');

test('read-only root, noexec /tmp and /dev/shm: it starts (koffi\'s addon is loaded from /dev, as root)', async (t) => {
  const outcome = await runInit(['-v', 'sh', '-c', 'touch /x 2>/dev/null || exit 3'], { viaShell: `${READ_ONLY} && exec "$INIT" "$@"`, cwd: '/' });
  t.is(outcome.code, 3, outcome.stderr);
  t.regex(outcome.stderr, /exiting with status 3/);
});

test('no writable, executable folder at all: one line that says why and what to do, status 1', async (t) => {
  // The test's own /run (a tmpfs the support mounts for the control socket) is made read-only too, as the image's would be.
  const outcome = await runInit(['-v', 'true'], { viaShell: `${READ_ONLY} && mount -o remount,ro /run && mount -o remount,bind,noexec /dev && exec "$INIT" "$@"`, cwd: '/' });
  t.is(outcome.code, 1);
  t.deepEqual(logLines(outcome.stderr), [
    "[ERROR][docker-container-init] cannot load koffi's native addon: no folder here is both writable and executable (/tmp: mounted noexec, /dev/shm: mounted noexec, /run: EROFS, /var/tmp: EROFS, /dev: mounted noexec); mount one (docker run --tmpfs /tmp:exec, a Kubernetes emptyDir), or use the npm package",
  ]);
  t.is(outcome.stderr.split('\n').filter(Boolean).length, 1, outcome.stderr);
});

test("the app's NODE_OPTIONS and NODE_DEBUG never act on the single executable; the command gets them", async (t) => {
  const env = { NODE_OPTIONS: '--require /no/such/agent.js', NODE_DEBUG: 'timer,module' };
  const outcome = await runInit(['-v', 'sh', '-c', 'echo "$NODE_OPTIONS|$NODE_DEBUG"'], { env });
  t.is(outcome.code, 0, outcome.stderr);
  t.is(outcome.stdout, '--require /no/such/agent.js|timer,module\n');
  t.true(outcome.stderr.split('\n').filter(Boolean).every((line) => line.startsWith('[INFO]')), outcome.stderr);
});
