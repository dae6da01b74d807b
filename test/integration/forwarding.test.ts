// SPEC §4: signals sent to the init reach the command, exactly once per receipt.
import test from 'ava';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startInit, startRecorder } from '../support/init.js';
import { FORWARDED_STANDARD, SIGTERM } from '../support/signals.js';
import { helper } from '../support/paths.js';
import { childrenOf } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { readOr, tmp } from '../support/files.js';

const STANDARD = FORWARDED_STANDARD;

const count = (signals: number[], signal: number): number => signals.filter((s) => s === signal).length;

test('every signal of SPEC §4 sent to the init reaches the command exactly once', async (t) => {
  const { init, log } = await startRecorder([]);
  for (const [name, number] of Object.entries(STANDARD)) {
    init.signal(number);
    await waitFor(`${name} to reach the command`, () => recordedSignals(log).includes(number));
  }
  init.signal(SIGTERM);
  t.is((await init.outcome).code, 0);
  const got = recordedSignals(log);
  for (const [name, number] of Object.entries(STANDARD)) t.is(count(got, number), 1, name);
  t.is(count(got, SIGTERM), 1, 'SIGTERM');
  t.is(got.length, Object.keys(STANDARD).length + 1, 'nothing else arrived');
});

test('the same signal sent three times arrives three times', async (t) => {
  const { init, log } = await startRecorder([]);
  for (let i = 1; i <= 3; i++) {
    init.signal('SIGUSR2');
    await waitFor(`receipt ${i}`, () => count(recordedSignals(log), 12) === i);
  }
  init.signal('SIGTERM');
  await init.outcome;
  t.is(count(recordedSignals(log), 12), 3);
});

test('with -r every realtime signal SIGRTMIN..SIGRTMAX is forwarded exactly once', async (t) => {
  const { init, log } = await startRecorder(['-r']);
  for (let signal = 34; signal <= 64; signal++) {
    init.signal(signal);
    await waitFor(`signal ${signal} to reach the command`, () => recordedSignals(log).includes(signal));
  }
  init.signal(SIGTERM);
  t.is((await init.outcome).code, 0);
  const got = recordedSignals(log);
  for (let signal = 34; signal <= 64; signal++) t.is(count(got, signal), 1, `signal ${signal}`);
});

test('without -r no realtime signal is forwarded, and the init is not harmed by one', async (t) => {
  const { init, log } = await startRecorder([]);
  init.signal(34);
  init.signal(64);
  init.signal('SIGHUP');
  await waitFor('SIGHUP to arrive', () => recordedSignals(log).includes(1));
  await sleep(200);
  t.deepEqual(recordedSignals(log), [1]);
  init.signal(SIGTERM);
  t.is((await init.outcome).code, 0);
});

test('SIGUSR1 reaches the command and does not start Node\'s debugger', async (t) => {
  const { init, log } = await startRecorder([]);
  const sockets = (): string[] =>
    readdirSync(`/proc/${init.hostPid}/fd`).filter((fd) => {
      try {
        return readlinkSync(`/proc/${init.hostPid}/fd/${fd}`).startsWith('socket:');
      } catch {
        return false;
      }
    });
  const before = sockets(); // stdout and stderr are socket pairs from the test's spawn
  init.signal('SIGUSR1');
  await waitFor('SIGUSR1 to arrive', () => recordedSignals(log).includes(10));
  await sleep(300);
  t.deepEqual(sockets(), before, 'the init opened no socket');
  const listeners = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .filter((line) => / [0-9A-F]{8}:2405 .* 0A /.test(line));
  t.deepEqual(listeners, [], 'nothing listens on port 9229');
  init.signal(SIGTERM);
  t.is((await init.outcome).code, 0);
});

// -g: the command (a recorder that stops 1 s after SIGTERM, or with `stays`
// never) has a child recorder in its process group.
async function groupRun(args: string[], stays = false) {
  const dir = tmp();
  const command = join(dir, 'command');
  const child = join(dir, 'child');
  const init = await startInit([...args, 'sh', '-c', `${helper('sigrecord')} ${child} 0 & exec ${helper('sigrecord')} ${command}${stays ? '' : ' 1000'}`]);
  await waitFor('both recorders to be ready', () => readOr(command).startsWith('ready') && readOr(child).startsWith('ready'));
  return { init, command, child };
}

test('-g: SIGTERM reaches the whole process group, other signals only the command', async (t) => {
  const { init, command, child } = await groupRun(['-g']);
  init.signal('SIGHUP');
  await waitFor('SIGHUP to reach the command', () => recordedSignals(command).includes(1));
  init.signal('SIGTERM');
  await waitFor('SIGTERM to reach the command', () => recordedSignals(command).includes(SIGTERM));
  await waitFor('SIGTERM to reach the grandchild in its group', () => recordedSignals(child).includes(SIGTERM), 1_000);
  t.deepEqual(recordedSignals(child), [SIGTERM], 'the grandchild got SIGTERM, not SIGHUP');
  t.is((await init.outcome).code, 0);
});

test('without -g: SIGTERM reaches the command only (the rest get it from the shutdown broadcast)', async (t) => {
  // The command records SIGTERM and stays: the shutdown comes only when the test ends it.
  const { init, command, child } = await groupRun([], true);
  init.signal('SIGTERM');
  await waitFor('SIGTERM to reach the command', () => recordedSignals(command).includes(SIGTERM));
  await sleep(400);
  t.deepEqual(recordedSignals(child), []);
  process.kill(childrenOf(init.hostPid)[0]!, 'SIGKILL');
  t.is((await init.outcome).code, 137);
  t.deepEqual(recordedSignals(child), [SIGTERM], 'then the broadcast reached it');
});
