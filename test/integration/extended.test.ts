// SPEC §8: the extended options, through the built binary.
import test from 'ava';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { logLines, runInit, startInit, startRecorder } from '../support/init.js';
import { helper } from '../support/paths.js';
import { childrenOf, namespaceProcesses } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { readOr, tmp } from '../support/files.js';


// -p ---------------------------------------------------------------------
for (const withCommand of [true, false]) {
  test(`-D -p TERM: the parent dies, the init gets SIGTERM and acts on it (${withCommand ? 'forwards it' : 'shuts down'})`, async (t) => {
    const dir = tmp();
    const log = join(dir, 'log');
    const command = withCommand ? `-- ${helper('sigrecord')} ${log} 0` : '';
    // The init's parent is this shell; the test kills the shell.
    const parent = await startInit([], { namespace: false, viaShell: `"$INIT" -D -v -p TERM ${command} 2>${join(dir, 'stderr')} & wait` });
    const initPid = await waitFor('the init', () => childrenOf(parent.hostPid)[0]);
    await waitFor('the init to be up', () => readOr(join(dir, 'stderr')).includes(withCommand ? 'started the command' : 'no command'));
    if (withCommand) await waitFor('the recorder', () => readOr(log).startsWith('ready'));
    process.kill(parent.hostPid, 'SIGKILL');
    await waitFor('the init to end', () => !existsSync(`/proc/${initPid}`));
    const stderr = readOr(join(dir, 'stderr'));
    if (withCommand) {
      t.deepEqual(recordedSignals(log), [15]);
      t.regex(stderr, /exiting with status 0/);
    } else {
      t.regex(stderr, /shutting down: received SIGTERM/);
    }
  });
}

test('-D -p RTMIN+2 without -r: the realtime parent-death signal is caught and forwarded like any other', async (t) => {
  const dir = tmp();
  const log = join(dir, 'log');
  const parent = await startInit([], { namespace: false, viaShell: `"$INIT" -D -v -p RTMIN+2 -- ${helper('sigrecord')} ${log} 0 2>${join(dir, 'stderr')} & wait` });
  const initPid = await waitFor('the init', () => childrenOf(parent.hostPid)[0]);
  await waitFor('the recorder', () => readOr(log).startsWith('ready'));
  process.kill(parent.hostPid, 'SIGKILL');
  await waitFor('SIGRTMIN+2 at the command', () => recordedSignals(log).includes(36));
  process.kill(initPid, 'SIGTERM');
  await waitFor('the init to end', () => !existsSync(`/proc/${initPid}`));
  t.deepEqual(recordedSignals(log), [36, 15]);
  t.regex(readOr(join(dir, 'stderr')), /exiting with status 0/);
});

// -e ---------------------------------------------------------------------
test('-e 143: a command killed by SIGTERM counts as a clean stop; -e N maps only N', async (t) => {
  t.is((await runInit(['-e', '143', 'sh', '-c', 'kill -TERM $$'])).code, 0);
  t.is((await runInit(['-e', '3', '-e', '143', 'sh', '-c', 'exit 3'])).code, 0);
  t.is((await runInit(['-e', '3', 'sh', '-c', 'exit 4'])).code, 4);
});

// --rewrite --------------------------------------------------------------
test('--rewrite: SIGTERM goes out as SIGUSR2, SIGHUP is dropped, SIGUSR1 passes unchanged', async (t) => {
  const { init, log } = await startRecorder(['-vv', '--rewrite', 'TERM:USR2', '--rewrite', 'SIGHUP:0']);
  init.signal('SIGTERM');
  init.signal('SIGHUP');
  await waitFor('the dropped SIGHUP', () => init.stderr().includes('dropping SIGHUP (--rewrite)'));
  init.signal('SIGUSR1');
  await waitFor('both forwarded signals', () => recordedSignals(log).length === 2);
  t.deepEqual(recordedSignals(log).sort((a, b) => a - b), [10, 12]);
  const command = namespaceProcesses(init.hostPid).find((p) => p.comm === 'sigrecord')!;
  process.kill(command.pid, 'SIGKILL');
  t.is((await init.outcome).code, 137);
});

test('--rewrite with -r: a realtime signal goes out as a standard one, and the other way round', async (t) => {
  const { init, log } = await startRecorder(['-r', '--rewrite', 'RTMIN+1:USR2', '--rewrite', 'SIGUSR1:SIGRTMAX']);
  init.signal(35); // SIGRTMIN+1
  await waitFor('SIGUSR2 for SIGRTMIN+1', () => recordedSignals(log).includes(12));
  init.signal('SIGUSR1');
  await waitFor('SIGRTMAX for SIGUSR1', () => recordedSignals(log).includes(64));
  t.deepEqual(recordedSignals(log), [12, 64]);
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 0);
});

test('--rewrite does not change what starts the shutdown without a command', async (t) => {
  const init = await startInit(['-v', '--rewrite', 'TERM:USR2']);
  await waitFor('the init to be up', () => init.stderr().includes('no command'));
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.true(logLines(outcome.stderr).includes('[INFO][docker-container-init] shutting down: received SIGTERM'));
});

// --delay-term -----------------------------------------------------------
test('--delay-term 1: SIGTERM is held a second; other signals are not', async (t) => {
  const { init, log } = await startRecorder(['-v', '--delay-term', '1']);
  const sent = Date.now();
  init.signal('SIGTERM');
  init.signal('SIGUSR1');
  await waitFor('SIGUSR1 at once', () => recordedSignals(log).includes(10));
  await sleep(500);
  t.deepEqual(recordedSignals(log), [10], 'no SIGTERM half a second in');
  await waitFor('SIGTERM after the delay', () => recordedSignals(log).includes(15), 5_000);
  t.true(Date.now() - sent >= 1_000);
  t.is((await init.outcome).code, 0);
  t.regex(init.stderr(), /holding SIGTERM for 1 s before acting on it \(--delay-term\)/);
});

test('--delay-term: a second SIGTERM during the delay acts at once', async (t) => {
  const { init, log } = await startRecorder(['--delay-term', '30']);
  init.signal('SIGTERM');
  await sleep(300);
  t.deepEqual(recordedSignals(log), []);
  init.signal('SIGTERM');
  await waitFor('SIGTERM well before the 30 s', () => recordedSignals(log).includes(15), 5_000);
  t.is((await init.outcome).code, 0);
});

test('--delay-term without a command: the shutdown starts after the delay', async (t) => {
  const init = await startInit(['-v', '--delay-term', '0.8']);
  await waitFor('the init to be up', () => init.stderr().includes('no command'));
  const sent = Date.now();
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 0);
  t.true(Date.now() - sent >= 800);
});

// -w ---------------------------------------------------------------------
test('-w: a WARN line for every reaped process that was not the command', async (t) => {
  // Two orphans, both gone before the command exits 2.
  const { code, stderr } = await runInit(['-w', helper('orphans'), '2', '2', 'all']);
  t.is(code, 2);
  const warnings = logLines(stderr).filter((line) => line.startsWith('[WARN]'));
  t.is(warnings.length, 2, stderr);
  for (const line of warnings) t.regex(line, /^\[WARN\]\[docker-container-init\] reaped zombie pid \d+: exited with status 0$/);
});

// --log-format json -----------------------------------------------------
test('--log-format json: every line is one JSON object with level, message, time, pid and context', async (t) => {
  const { init, log } = await startRecorder(['-vv', '--log-format', 'json']);
  init.signal('SIGUSR1');
  await waitFor('SIGUSR1', () => recordedSignals(log).includes(10));
  init.signal('SIGTERM');
  const { code, stderr } = await init.outcome;
  t.is(code, 0);
  const lines = stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  t.true(lines.length > 5);
  for (const line of lines) {
    t.true(['error', 'warn', 'info', 'debug'].includes(line['level'] as string));
    t.is(typeof line['message'], 'string');
    t.false(Number.isNaN(Date.parse(line['time'] as string)));
    t.regex(line['time'] as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    t.is(line['pid'], 1);
  }
  t.like(lines.find((l) => String(l['message']).startsWith('forwarding SIGUSR1')), { level: 'debug', signal: 'SIGUSR1' });
  t.true(typeof lines.find((l) => String(l['message']).startsWith('forwarding SIGUSR1'))!['target'] === 'number');
  t.like(lines.at(-1), { level: 'info', message: 'exiting with status 0', exitCode: 0 });
});

test('--log-format json: a usage error is a JSON line too', async (t) => {
  const { code, stderr } = await runInit(['--log-format', 'json', '-e', 'x', 'true']);
  t.is(code, 2);
  const line = JSON.parse(stderr) as Record<string, unknown>;
  t.like(line, { level: 'error', message: 'invalid exit code for -e: "x" (0..255) (see -h)' });
});
