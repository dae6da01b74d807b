// SPEC §3.3: broadcast, wait for every child, exit with the command's status.
import test from 'ava';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { logLines, startInit, type RunningInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { namespaceProcesses } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { readOr, tmp, untilReady } from '../support/files.js';

/** A command that leaves a recorder behind (which ignores SIGTERM unless `stopDelay` is given) and exits 4. */
async function leaveRecorder(args: string[], stopDelay?: number) {
  const log = join(tmp(), 'left');
  const recorder = `${helper('sigrecord')} ${log}${stopDelay === undefined ? '' : ` ${stopDelay}`}`;
  const init = await startInit([...args, 'sh', '-c', `${recorder} & ${untilReady(log)}; exit 4`]);
  await waitFor('the recorder to be ready', () => readOr(log).startsWith('ready'));
  return { init, log };
}

function killRecorder(init: RunningInit): void {
  const recorder = namespaceProcesses(init.hostPid).find((p) => p.comm === 'sigrecord');
  if (recorder) process.kill(recorder.pid, 'SIGKILL');
}

test('processes left behind get SIGTERM; the init waits for them and exits with the command status', async (t) => {
  const { init, log } = await leaveRecorder(['-v'], 300);
  const outcome = await init.outcome;
  t.is(outcome.code, 4);
  t.deepEqual(recordedSignals(log), [15]);
  t.true(logLines(outcome.stderr).includes('[INFO][docker-container-init] sent SIGTERM to 1 process'));
});

test('-B: no broadcast; the init waits (no timeout, no SIGKILL) until the last child is gone', async (t) => {
  const { init, log } = await leaveRecorder(['-B', '-v']);
  await waitFor('the command to exit', () => init.stderr().includes('waiting for every child'));
  await sleep(700);
  t.deepEqual(recordedSignals(log), [], 'nothing was sent to the leftover');
  t.is(init.process.exitCode, null, 'the init still waits');
  killRecorder(init);
  t.is((await init.outcome).code, 4);
});

test('-W: the init exits with the command, without broadcast or wait', async (t) => {
  const { init, log } = await leaveRecorder(['-W', '-v']);
  const outcome = await init.outcome;
  t.is(outcome.code, 4);
  t.deepEqual(recordedSignals(log), []);
  const lines = logLines(outcome.stderr);
  t.false(lines.some((line) => line.includes('sent SIGTERM') || line.includes('waiting')));
});

test('while waiting, SIGTERM and SIGINT are broadcast again as SIGTERM; other signals are dropped', async (t) => {
  const { init, log } = await leaveRecorder(['-vv']);
  await waitFor('the broadcast', () => recordedSignals(log).length === 1);
  init.signal('SIGTERM');
  await waitFor('a second SIGTERM', () => recordedSignals(log).length === 2);
  init.signal('SIGINT');
  await waitFor('a third SIGTERM', () => recordedSignals(log).length === 3);
  init.signal('SIGHUP');
  await waitFor('SIGHUP to be dropped', () => init.stderr().includes('dropping SIGHUP'));
  await sleep(200);
  t.deepEqual(recordedSignals(log), [15, 15, 15]);
  t.is(init.process.exitCode, null, 'no signal cuts the wait short');
  killRecorder(init);
  t.is((await init.outcome).code, 4);
});
