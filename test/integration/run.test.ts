// SPEC §15 as PID 1: several commands with --run; the first to exit stops them all.
import test from 'ava';
import { join } from 'node:path';
import { readOr, tmp } from '../support/files.js';
import { logLines, runInit, startInit } from '../support/init.js';
import { logFile } from '../support/log-file.js';
import { helper } from '../support/paths.js';
import { SIGHUP, SIGTERM } from '../support/signals.js';
import { recordedSignals, waitFor } from '../support/wait.js';

const execForm = (...argv: string[]): string => JSON.stringify(argv);

test('exec form and shell form: the first command to exit decides the status; the others get SIGTERM and are waited for', async (t) => {
  const dir = tmp();
  const [a, b] = [join(dir, 'a'), join(dir, 'b')];
  // Both services stop 300 ms after their SIGTERM: the init must wait for them.
  const outcome = await runInit([
    '-v',
    '--run', execForm(helper('sigrecord'), a, '300'),
    '--run', `exec ${helper('sigrecord')} ${b} 300`,
    '--', 'sh', '-c', `until [ -s ${a} ] && [ -s ${b} ]; do sleep 0.01; done; exit 4`,
  ]);
  t.is(outcome.code, 4, outcome.stderr);
  t.deepEqual(recordedSignals(a), [SIGTERM]);
  t.deepEqual(recordedSignals(b), [SIGTERM]);
  const lines = logLines(outcome.stderr);
  t.true(lines.some((line) => /^\[INFO\]\[docker-container-init\] started command 2 \(pid \d+: \/bin\/sh -c exec .*sigrecord .*\)$/.test(line)), 'shell form runs under /bin/sh -c');
  t.true(lines.some((line) => /shutting down: command 3 \(pid \d+: sh -c until .*\) exited with status 4$/.test(line)));
  for (const n of [1, 2]) t.true(lines.some((line) => new RegExp(`command ${n} \\(pid \\d+: .*sigrecord.*\\) exited with status 0$`).test(line)), `command ${n}'s exit is logged`);
});

test('only --run commands, no main one: they are the commands', async (t) => {
  const outcome = await runInit(['-v', '--run', 'exit 6', '--run', execForm('sleep', '30')]);
  t.is(outcome.code, 6, outcome.stderr);
  t.regex(outcome.stderr, /command 2 \(pid \d+: sleep 30\) was killed by SIGTERM/);
});

test('a signal reaches each command exactly once', async (t) => {
  const dir = tmp();
  const logs = [join(dir, '1'), join(dir, '2'), join(dir, '3')];
  const init = await startInit(['--run', execForm(helper('sigrecord'), logs[0]!, '0'), '--run', execForm(helper('sigrecord'), logs[1]!, '0'), helper('sigrecord'), logs[2]!, '0']);
  await waitFor('the three recorders', () => logs.every((log) => readOr(log).startsWith('ready')));
  init.signal('SIGHUP');
  await waitFor('SIGHUP at each', () => logs.every((log) => recordedSignals(log).length === 1));
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 0);
  for (const log of logs) {
    const got = recordedSignals(log);
    t.deepEqual(got.filter((signal) => signal === SIGHUP), [SIGHUP], 'SIGHUP exactly once');
    // The forwarded SIGTERM, and (for the ones still running when the first ends) the shutdown's broadcast.
    t.true(got.slice(1).every((signal) => signal === SIGTERM) && got.length >= 2, `${got}`);
  }
});

test('a command that cannot start counts as the first to exit: 127, and the others are stopped', async (t) => {
  const outcome = await runInit(['-v', '--run', execForm('/no/such/program'), '--', 'sleep', '30']);
  t.is(outcome.code, 127);
  t.regex(outcome.stderr, /\[ERROR\]\[docker-container-init\] cannot run "\/no\/such\/program": No such file or directory/);
  t.regex(outcome.stderr, /shutting down: command 1 \(\/no\/such\/program\) could not be started/);
  t.regex(outcome.stderr, /command 2 \(pid \d+: sleep 30\) was killed by SIGTERM/);
});

test('a storm of 2,000 orphans while three commands run: every one reaped, the first command\'s status exact', async (t) => {
  const log = logFile();
  const init = await startInit(['-vv', '--run', execForm('sleep', '30'), '--run', execForm('sleep', '31'), helper('orphans'), '2000', '7', 'all'], {
    timeoutMs: 60_000,
    stdio: ['ignore', 'pipe', log.fd],
  });
  const outcome = await init.outcome;
  t.is(outcome.code, 7);
  const lines = log.lines();
  t.is(lines.filter((line) => / reaped pid \d+: exited with status 0$/.test(line)).length, 2000, 'every orphan reaped');
  t.is(lines.filter((line) => /command [12] \(pid \d+: sleep 3[01]\) was killed by SIGTERM$/.test(line)).length, 2);
});

for (const [value, problem] of [
  ['[php-fpm', 'not JSON'],
  ['["php-fpm", 1]', 'exec form is a non-empty JSON array of strings'],
  ['[]', 'exec form is a non-empty JSON array of strings'],
  [' [""]', 'exec form is a non-empty JSON array of strings'],
] as const) {
  test(`a malformed exec form (${value}) is a usage error: one line, status 2, nothing started`, async (t) => {
    const outcome = await runInit(['--run', value, '--', 'true']);
    t.is(outcome.code, 2);
    const lines = outcome.stderr.split('\n').filter(Boolean);
    t.is(lines.length, 1);
    t.true(lines[0]!.startsWith(`[ERROR][docker-container-init] invalid --run ${JSON.stringify(value)}: `) && lines[0]!.includes(problem) && lines[0]!.endsWith(' (see -h)'), lines[0]);
  });
}
