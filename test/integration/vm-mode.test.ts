// SPEC §1 mode 2, §3.2, §3.3: no command ("container as VM"), typically exec'd
// at the end of an entrypoint script that started services in the background.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { logLines, nsenter, startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { zombiesIn } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { readOr, tmp } from '../support/files.js';

async function idleInit(args: string[] = []) {
  const init = await startInit(['-vv', ...args]);
  await waitFor('the init to be up', () => init.stderr().includes('no command: adopting'));
  return init;
}

/** Voluntary context switches of the init's main thread: each wake-up of its event loop counts. */
function wakeUps(pid: number): number {
  const status = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
  return Number(/^voluntary_ctxt_switches:\s*(\d+)$/m.exec(status)![1]);
}

test.serial('idle without a command: no timer wakes the init up', async (t) => {
  const init = await idleInit();
  await sleep(1_000); // let start-up work settle
  const before = wakeUps(init.hostPid);
  await sleep(2_000);
  t.is(wakeUps(init.hostPid), before, 'the main thread slept through 2 s');
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 0);
});

test('other signals are logged at debug level and ignored; SIGTERM shuts down with status 0', async (t) => {
  const init = await idleInit();
  init.signal('SIGHUP');
  init.signal('SIGUSR1');
  await waitFor('the signals to be logged', () => init.stderr().includes('ignoring SIGUSR1'));
  t.true(init.stderr().includes('[DEBUG][docker-container-init] ignoring SIGHUP: there is no command to forward it to'));
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.true(logLines(outcome.stderr).includes('[INFO][docker-container-init] shutting down: received SIGTERM'));
});

test('SIGINT shuts down too', async (t) => {
  const init = await idleInit();
  init.signal('SIGINT');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.true(logLines(outcome.stderr).includes('[INFO][docker-container-init] shutting down: received SIGINT'));
});

test('-I: SIGINT is ignored, only SIGTERM shuts down', async (t) => {
  const init = await idleInit(['-I']);
  t.true(init.stderr().includes('until SIGTERM\n'));
  init.signal('SIGINT');
  await waitFor('SIGINT to be logged', () => init.stderr().includes('ignoring SIGINT'));
  await sleep(200);
  t.is(init.process.exitCode, null, 'still running');
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 0);
});

test('the entrypoint-script use: three background services, exec the init, docker stop', async (t) => {
  const dir = tmp();
  const logs = ['fast', 'medium', 'slow'].map((name) => join(dir, name));
  // Each service stops 0.1 s, 0.5 s and 1.5 s after its SIGTERM.
  const script = [
    `${helper('sigrecord')} ${logs[0]} 100 &`,
    `${helper('sigrecord')} ${logs[1]} 500 &`,
    `${helper('sigrecord')} ${logs[2]} 1500 &`,
    'exec "$INIT" -vv',
  ].join('\n');
  const init = await startInit([], { viaShell: script });
  await waitFor('the services to be ready', () => logs.every((log) => readOr(log).startsWith('ready')));
  await waitFor('the init to be up', () => init.stderr().includes('no command: adopting'));

  // A login session (docker exec) leaves two orphans behind; they are adopted and reaped.
  const session = await nsenter(init.hostPid, ['sh', '-c', 'sleep 0.2 & sleep 0.3 & exit 0']);
  t.is(session.code, 0);
  await waitFor('the two orphans to be reaped', () => (init.stderr().match(/reaped pid \d+: exited with status 0/g) ?? []).length === 2);
  t.deepEqual(zombiesIn(init.hostPid), []);

  const stopAt = Date.now();
  init.signal('SIGTERM'); // docker stop
  const outcome = await init.outcome;
  const took = Date.now() - stopAt;
  t.is(outcome.code, 0);
  for (const log of logs) t.deepEqual(recordedSignals(log), [15], `${log} got SIGTERM once`);
  t.true(took >= 1_400, `the init waited for the slowest service (${took} ms)`);
  t.true(logLines(outcome.stderr).includes('[INFO][docker-container-init] sent SIGTERM to 3 processes'));
});
