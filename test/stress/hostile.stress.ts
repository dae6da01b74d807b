// SPEC §7: nothing the command does makes the init exit early or hang.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { logLines, startInit, runInit } from '../support/init.js';
import { helper, INIT, ROOT } from '../support/paths.js';
import { namespaceProcesses } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { readOr, tmp } from '../support/files.js';

test('a command that closes its stdin, stdout and stderr', async (t) => {
  const { code, stderr } = await runInit(['-v', 'sh', '-c', 'exec 0<&- 1>&- 2>&-; sleep 0.2; exit 6']);
  t.is(code, 6);
  t.true(logLines(stderr).includes('[INFO][docker-container-init] exiting with status 6'));
});

test('a command that ignores SIGTERM: the init waits until it is killed, then reports 137', async (t) => {
  const init = await startInit(['-v', 'sh', '-c', 'trap "" TERM; exec sleep 100']);
  await waitFor('the command to run', () => namespaceProcesses(init.hostPid).some((p) => p.comm === 'sleep'));
  init.signal('SIGTERM');
  await sleep(700);
  t.is(init.process.exitCode, null, 'the init still waits for its command');
  const command = namespaceProcesses(init.hostPid).find((p) => p.comm === 'sleep')!;
  process.kill(command.pid, 'SIGKILL');
  t.is((await init.outcome).code, 137);
});

test('a command that forks a tree 5 levels deep and exits: the whole tree is adopted, stopped and reaped', async (t) => {
  // Each level is a subshell that starts the next level and a `sleep 30`: 6
  // subshells, 6 sleeps. The command exits once all six sleeps run.
  const script = 'level() { if [ "$1" -gt 0 ]; then level $(( $1 - 1 )) & fi; sleep 30; }; level 5 & until [ "$(pgrep -c -f "^sleep 30$")" -ge 6 ]; do sleep 0.01; done; exit 8';
  const init = await startInit(['-vv', 'sh', '-c', script]);
  const outcome = await init.outcome;
  t.is(outcome.code, 8);
  const lines = logLines(outcome.stderr);
  t.true(lines.includes('[INFO][docker-container-init] sent SIGTERM to 12 processes'), outcome.stderr);
  // The init exits only once it has no child left at all; which of the tree it
  // reaped itself varies (dash reaps its own background children when it can).
  t.true(lines.filter((line) => line.includes(' reaped pid ')).length >= 2);
});

test('a command that starts a session of its own', async (t) => {
  t.is((await runInit(['setsid', 'sh', '-c', 'sleep 0.2; exit 9'])).code, 9);
  t.is((await runInit(['-g', 'setsid', '-w', 'sh', '-c', 'sleep 0.2; exit 9'])).code, 9);
});

test('a command that leaves its process group: kill(-pgid) fails, the error names it, the init runs on', async (t) => {
  const log = join(tmp(), 'log');
  const init = await startInit(['-g', helper('hopgroup'), helper('sigrecord'), log, '0']);
  await waitFor('the recorder', () => readOr(log).startsWith('ready'));
  init.signal('SIGTERM');
  await waitFor('the error line', () => /kill\(-\d+, SIGTERM\): No such process\n/.test(init.stderr()));
  init.signal('SIGHUP');
  await waitFor('the next signal to get through', () => recordedSignals(log).includes(1));
  const errors = logLines(init.stderr()).filter((line) => line.startsWith('[ERROR]'));
  t.is(errors.length, 1);
  t.regex(errors[0]!, /^\[ERROR\]\[docker-container-init\] kill\(-\d+, SIGTERM\): No such process$/);
  init.signal('SIGINT');
  await waitFor('SIGINT to get through', () => recordedSignals(log).includes(2));
  const command = namespaceProcesses(init.hostPid).find((p) => p.comm === 'sigrecord')!;
  process.kill(command.pid, 'SIGKILL');
  t.is((await init.outcome).code, 137);
});

test('a kill the init is not permitted to make: the error names it with the reason, the init runs on', async (t) => {
  const dir = tmp();
  const log = join(dir, 'log');
  // The init runs as nobody, from a copy that nobody can read wherever the
  // checkout lives; its command becomes root for good (a set-user-ID helper).
  const copy = join(dir, 'copy');
  // The whole folder: the launcher runs the bundle beside it (init.cjs).
  const skip = new Set(['sea', 'sea-work', '.code-cache'].map((name) => join(dirname(INIT), name)));
  cpSync(dirname(INIT), join(copy, 'dist'), { recursive: true, filter: (source) => !skip.has(source) });
  for (const module of ['koffi', '@koromix']) cpSync(join(ROOT, 'node_modules', module), join(copy, 'node_modules', module), { recursive: true });
  execFileSync('chmod', ['-R', 'a+rX', dir]);
  const init = await startInit(['-v', helper('rootstay'), log], {
    wrap: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', join(copy, 'dist/docker-container-init')],
    noInit: true,
    cwd: '/',
  });
  await waitFor('the command', () => readOr(log).startsWith('ready'));
  init.signal('SIGHUP');
  await waitFor('the error line', () => init.stderr().includes('Operation not permitted'));
  t.regex(init.stderr(), /\[ERROR\]\[docker-container-init\] kill\(\d+, SIGHUP\): Operation not permitted\n/);
  t.deepEqual(recordedSignals(log), []);
  t.is(init.process.exitCode, null, 'the init runs on');
  const command = namespaceProcesses(init.hostPid).find((p) => p.comm === 'sigrecord')!;
  process.kill(command.pid, 'SIGKILL');
  const outcome = await init.outcome;
  t.is(outcome.code, 137, outcome.stderr);
});

for (const [command, status, reason] of [
  ['', 127, 'No such file or directory'],
  ['/tmp', 126, 'Permission denied'],
  ['./no/such/thing', 127, 'No such file or directory'],
] as const) {
  test(`an odd command name (${JSON.stringify(command)}): one error line, status ${status}`, async (t) => {
    const outcome = await runInit([command]);
    t.is(outcome.code, status);
    t.is(outcome.stderr, `[ERROR][docker-container-init] cannot run ${JSON.stringify(command)}: ${reason}\n`);
  });
}
