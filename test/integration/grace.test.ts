// SPEC §10 as PID 1 of a real PID namespace: --grace bounds the stop, the wait
// names what keeps it, and the shutdown ends with a summary.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readOr, tmp, untilReady } from '../support/files.js';
import { logLines, runInit, startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { namespaceProcesses } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';

/** A shell that ignores SIGTERM, and the sleep it runs (which inherits the ignored SIGTERM). */
const STUBBORN = `sh -c 'trap "" TERM; sleep 1000'`;
/** Starts STUBBORN in the background, and goes on once it ignores SIGTERM (its sleep runs). */
const startStubborn = `${STUBBORN} & until [ "$(cat /proc/$!/task/*/children 2>/dev/null)" ]; do sleep 0.01; done`;
const summary = (stderr: string): RegExpExecArray | null => /the shutdown took ([\d.]+) s: signalled (\d+) process(?:es)?, (\d+) exited after SIGTERM, (\d+) killed/.exec(stderr);

test("a service that ignores SIGTERM is killed at the grace, named in one line; the command's own status survives", async (t) => {
  const outcome = await runInit(['-v', '--grace', '1', 'sh', '-c', `${startStubborn}; exit 3`]);
  t.is(outcome.code, 3, outcome.stderr);
  // Named at the default log level (an error: something did not stop).
  const killed = logLines(outcome.stderr).filter((line) => line.startsWith('[ERROR]'));
  t.is(killed.length, 1, outcome.stderr);
  t.regex(killed[0]!, /^\[ERROR\]\[docker-container-init\] --grace 1 s ran out; killed pid \d+ \(sh -c trap "" TERM; sleep 1000\), pid \d+ \(sleep 1000\)$/);
  const [, seconds, signalled, exited, count] = summary(outcome.stderr) ?? [];
  t.is(Number(signalled), 2);
  t.is(Number(exited), 0);
  t.is(Number(count), 2);
  t.true(Number(seconds) >= 1, `the kill came no earlier than the grace (${seconds} s)`);
});

test('without -v only the kill is said, and the exit status is still the command\'s', async (t) => {
  const outcome = await runInit(['--grace', '0.2', 'sh', '-c', `${startStubborn}; exit 3`]);
  t.is(outcome.code, 3);
  t.is(logLines(outcome.stderr).length, 1, outcome.stderr);
});

test('a command that ignores SIGTERM under "docker stop" ends with 137 after the grace; -e 137 maps it', async (t) => {
  for (const [args, code] of [[[], 137], [['-e', '137'], 0]] as const) {
    const init = await startInit(['-v', '--grace', '0.5', ...args, 'sh', '-c', 'trap "" TERM; echo ready; sleep 1000']);
    await waitFor('the command', () => init.stdout().includes('ready'));
    init.signal('SIGTERM');
    const outcome = await init.outcome;
    t.is(outcome.code, code, outcome.stderr);
    t.regex(outcome.stderr, /forwarding|shutting down: the command \(pid \d+\) was killed by SIGKILL/);
  }
});

test('the wait ends the moment the tree is empty: no kill, no waiting for the grace', async (t) => {
  const log = join(tmp(), 'log');
  const { code, stderr } = await runInit(['-v', '--grace', '30', 'sh', '-c', `${helper('sigrecord')} ${log} 0 & ${untilReady(log)}; exit 0`]);
  t.is(code, 0);
  t.notRegex(stderr, /ran out/);
  const [, seconds, signalled, exited, killed] = summary(stderr) ?? [];
  t.deepEqual([Number(signalled), Number(exited), Number(killed)], [1, 1, 0]);
  t.true(Number(seconds) < 10, `${seconds} s, far below the 30 s grace`);
});

test('a second SIGTERM during the grace is broadcast again and does not restart the clock', async (t) => {
  const log = join(tmp(), 'log');
  // No command: the init waits for the recorder, which records each SIGTERM and keeps running.
  const script = `${helper('sigrecord')} ${log} 100000 & exec "$INIT" "$@"`;
  const init = await startInit(['-v', '--grace', '3'], { viaShell: script });
  await waitFor('the recorder', () => readOr(log).startsWith('ready'));
  await waitFor('the init to listen', () => init.stderr().includes('no command: adopting'));
  init.signal('SIGTERM');
  await waitFor('the first SIGTERM at the recorder', () => recordedSignals(log).length === 1);
  await sleep(2_000);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.deepEqual(recordedSignals(log), [15, 15], 'broadcast again');
  const seconds = Number(summary(outcome.stderr)?.[1]);
  // Restarted, the clock would have run out 5 s after the first SIGTERM.
  t.true(seconds >= 3 && seconds < 4.5, `killed ${seconds} s after the first SIGTERM`);
});

test('-D --grace kills its own stubborn descendants, never a bystander outside its tree', async (t) => {
  const dir = tmp();
  const bystander = join(dir, 'bystander');
  const result = join(dir, 'result');
  // The bystander ignores SIGTERM too: only SIGKILL could end it.
  const command = join(dir, 'command.sh');
  writeFileSync(command, `${startStubborn}\nexit 5\n`);
  const script = [
    `sh -c 'trap "" TERM; exec ${helper('sigrecord')} ${bystander}' &`,
    `"$INIT" -D -v --grace 0.3 -- sh ${command} 2>${join(dir, 'stderr')}`,
    `echo $? > ${result}`,
    'sleep 30',
  ].join('\n');
  const run = await startInit([], { viaShell: script });
  try {
    await waitFor('the init to finish', () => readOr(result).trim() !== '');
    t.is(readOr(result).trim(), '5');
    t.regex(readOr(join(dir, 'stderr')), /--grace 0\.3 s ran out; killed pid \d+ \(sh -c trap "" TERM; sleep 1000\), pid \d+ \(sleep 1000\)\n/);
    const left = namespaceProcesses(run.hostPid).filter((p) => p.state !== 'Z').map((p) => p.comm);
    t.true(left.includes('sigrecord'), 'the bystander still runs');
    t.deepEqual(recordedSignals(bystander), [], 'and got nothing');
  } finally {
    run.kill();
  }
});

test('while it waits, the init names what keeps it waiting (pid and command line of each), after saying that the wait began', async (t) => {
  // When (1 s into the wait, then at growing intervals) is the marble test's to show (test/streams/grace.test.ts).
  const init = await startInit(['-v', 'sh', '-c', `${startStubborn}; exit 0`]);
  await waitFor('the named leftover', () => /still waiting for pid \d+ \(sh -c trap "" TERM; sleep 1000\), pid \d+ \(sleep 1000\)/.test(init.stderr()), 10_000);
  const lines = logLines(init.stderr());
  const began = lines.findIndex((line) => line.endsWith('waiting for every child to exit'));
  const named = lines.findIndex((line) => line.includes('still waiting for'));
  t.true(began >= 0 && began < named, lines.join('\n'));
  init.kill();
  await init.outcome;
});
