// Hardened containers under a real engine (SPEC §14): a read-only root file
// system with Docker's noexec tmpfs, another user, no capabilities, and limits.
import test from 'ava';
import { docker, NODE_IMAGES, SEA_IMAGE } from './support.js';

const STATUS_3 = ['docker-container-init', '--', 'sh', '-c', 'exit 3'];

for (const image of [...NODE_IMAGES, SEA_IMAGE]) {
  test(`${image}: --read-only with --tmpfs /tmp (noexec): it runs`, (t) => {
    const run = docker(['run', '--rm', '--read-only', '--tmpfs', '/tmp', image, ...STATUS_3]);
    t.is(run.code, 3, run.stderr);
    t.is(run.stderr, '', 'not a word: the code cache that cannot be written is no error');
  });

  test(`${image}: --user 1000 and --cap-drop ALL: it runs, forwards and stops`, (t) => {
    const run = docker(['run', '--rm', '--user', '1000', '--cap-drop', 'ALL', image, 'docker-container-init', '-v', '--', 'sh', '-c', 'sleep 0.2 & kill -TERM $$']);
    t.is(run.code, 143, run.stderr);
    t.regex(run.stderr, /sent SIGTERM to 1 process/);
  });

  test(`${image}: --pids-limit 7 leaves no pid for the command: exit 125 with the reason, never a hang`, (t) => {
    const run = docker(['run', '--rm', '--pids-limit', '7', image, ...STATUS_3]);
    t.is(run.code, 125);
    t.regex(run.stderr, /\[ERROR\]\[docker-container-init\] cannot run "sh": Resource temporarily unavailable \(no new process could be made: a pids or memory limit\?\)/);
    t.is(docker(['run', '--rm', '--pids-limit', '8', image, ...STATUS_3]).code, 3, 'with 8 it runs');
  });
}

test(`${SEA_IMAGE}: --read-only as --user 1000: no folder is writable and executable, and one line says so`, (t) => {
  const run = docker(['run', '--rm', '--read-only', '--tmpfs', '/tmp', '--user', '1000', SEA_IMAGE, ...STATUS_3]);
  t.is(run.code, 1);
  t.is(run.stderr.split('\n').filter(Boolean).length, 1, run.stderr);
  t.regex(run.stderr, /^\[ERROR\]\[docker-container-init\] cannot load koffi's native addon: no folder here is both writable and executable \(.*\/tmp: mounted noexec.*\); mount one/);
  t.is(docker(['run', '--rm', '--read-only', '--tmpfs', '/tmp:exec', '--user', '1000', SEA_IMAGE, ...STATUS_3]).code, 3, 'with an exec /tmp it runs');
});
