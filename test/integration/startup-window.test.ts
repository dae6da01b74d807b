// Signals that arrive while the init is still starting, before the command
// exists (SPEC §11): a SIGTERM means the container is being stopped, so the
// command is never started; anything else is dropped (it would only kill a
// command that has no handlers yet); a debugger that a SIGUSR1 opened is
// closed. The test catches the init in each window: it watches the new
// process's signal dispositions from the host, and at the moment one set of
// handlers is in place but the next is not yet, freezes it with SIGSTOP,
// queues the signal, and lets it go. The signal and the SIGCONT go to the
// init's main thread alone (test/helpers/tgkill.c): sent to the whole process
// while every thread is stopped, either could be taken by one of Node's worker
// threads, which hands it to libuv only when it next runs, maybe after the
// command started (a busy machine showed it, one run in ten).
import test from 'ava';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readOr, tmp } from '../support/files.js';
import { cleanEnv } from '../support/init.js';
import { helper, INIT } from '../support/paths.js';
import { childrenOf } from '../support/procfs.js';
import { SIGCONT, SIGHUP, SIGRTMIN, SIGTERM, SIGUSR1 } from '../support/signals.js';
import { recordedSignals, waitFor } from '../support/wait.js';

const bit = (signal: number): bigint => 1n << BigInt(signal - 1);

/** Sends `signal` to the init's main thread, then SIGCONT, which lets the frozen init go. */
function sendAndResume(pid: number, signal: number): void {
  execFileSync(helper('tgkill'), [pid, signal, SIGCONT].map(String));
}

function caught(pid: number): bigint | undefined {
  try {
    const hex = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return hex === undefined ? undefined : BigInt(`0x${hex}`);
  } catch {
    return undefined;
  }
}

interface Attempt {
  readonly hit: boolean;
  readonly pid: number;
  readonly outcome: Promise<{ code: number | null; stderr: string }>;
}

/**
 * Starts the init and tries to freeze it inside a window of its start-up: when
 * it catches `needed` already, and not yet `notYet`.
 */
async function freezeInWindow(args: string[], needed: number, notYet: number): Promise<Attempt> {
  const child = spawn('unshare', ['--pid', '--fork', '--mount-proc', INIT, ...args], { env: cleanEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const outcome = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  const deadline = Date.now() + 3_000;
  let pid = 0;
  // A tight loop on purpose: the window lasts a few milliseconds.
  while (Date.now() < deadline) {
    pid ||= childrenOf(child.pid!)[0] ?? 0;
    if (!pid) continue;
    const mask = caught(pid);
    if (mask === undefined) continue;
    if ((mask & bit(notYet)) !== 0n) break; // too late
    if ((mask & bit(needed)) === bit(needed)) {
      process.kill(pid, 'SIGSTOP');
      const frozen = caught(pid)!;
      return { hit: (frozen & bit(notYet)) === 0n, pid, outcome };
    }
  }
  return { hit: false, pid, outcome };
}

async function inWindow(
  t: { log(...values: unknown[]): void },
  args: string[],
  [needed, notYet]: [number, number],
  act: (attempt: Attempt) => Promise<void>,
  /** Before each attempt: what an earlier, missed attempt left must not count for this one. */
  fresh: () => void = () => {},
): Promise<boolean> {
  for (let tries = 1; tries <= 20; tries++) {
    fresh();
    const attempt = await freezeInWindow(args, needed, notYet);
    if (attempt.hit) {
      t.log(`caught the init in the window at try ${tries}`);
      await act(attempt);
      return true;
    }
    if (attempt.pid) {
      process.kill(attempt.pid, 'SIGCONT');
      process.kill(attempt.pid, 'SIGKILL');
    }
    await attempt.outcome;
  }
  return false;
}

for (const [window, needed, notYet, args] of [
  ["Node's start-up handler is in, the init's first module (which catches SIGHUP) is not", SIGTERM, SIGHUP, []],
  ["the init's first modules catch signals, its start-up (which catches -r's realtime signals too) has not run", SIGHUP, SIGRTMIN, ['-r']],
] as const) {
  test.serial(`SPEC §11: a SIGTERM before the command started (${window}): it is never started, exit 143`, async (t) => {
    const marker = join(tmp(), 'started');
    const hit = await inWindow(t, ['-v', ...args, 'sh', '-c', `touch ${marker}; sleep 30`], [needed, notYet], async ({ pid, outcome }) => {
      sendAndResume(pid, SIGTERM);
      const { code, stderr } = await outcome;
      t.is(code, 143, stderr);
      t.regex(stderr, /shutting down: received SIGTERM before the command started/);
      t.notRegex(stderr, /started the command/);
      t.false(existsSync(marker), 'the command never ran');
    }, () => rmSync(marker, { force: true })); // a missed try may have run the command
    t.true(hit, `could not catch the init in the window: ${window}`);
  });
}

test.serial('a SIGUSR1 that comes while Node.js is still starting: the debugger it opened is closed, the signal dropped (SPEC §11)', async (t) => {
  const log = join(tmp(), 'log');
  const hit = await inWindow(t, ['-vv', helper('sigrecord'), log, '0'], [SIGUSR1, SIGHUP], async ({ pid, outcome }) => {
    sendAndResume(pid, SIGUSR1);
    await sleep(500); // past the init's second look at the inspector
    // Nothing listens on the debugger's port (127.0.0.1:9229) any more.
    const listening = readFileSync('/proc/net/tcp', 'utf8').split('\n').filter((line) => / 0100007F:2405 00000000:0000 0A /.test(line));
    t.deepEqual(listening, [], 'no debugger is left listening');
    process.kill(pid, 'SIGTERM');
    const { code, stderr } = await outcome;
    t.regex(stderr, /\[WARN\]\[docker-container-init\] a SIGUSR1 came while Node\.js was starting and opened its debugger; closed it again/);
    t.is(code, 0, stderr);
    // It came before the command existed: dropped, never forwarded (it would kill a command without handlers).
    t.notRegex(stderr, /forwarding SIGUSR1/);
    t.deepEqual(recordedSignals(log), [SIGTERM]);
  }, () => rmSync(log, { force: true }));
  t.true(hit, 'could not catch the init between Node\'s start-up handlers and its own');
});

test.serial('a signal other than a stop that comes while the init loads its code is dropped; the command starts (SPEC §11)', async (t) => {
  const log = join(tmp(), 'log');
  const hit = await inWindow(t, ['-vv', '-r', helper('sigrecord'), log, '0'], [SIGHUP, SIGRTMIN], async ({ pid, outcome }) => {
    sendAndResume(pid, SIGHUP);
    await waitFor('the recorder', () => readOr(log).startsWith('ready'));
    process.kill(pid, 'SIGTERM');
    const { code, stderr } = await outcome;
    t.is(code, 0, stderr);
    t.regex(stderr, /received SIGHUP\n.*dropping SIGHUP: the command has not started yet/);
    // The SIGHUP waited in libuv's signal pipe when start-up looked: the command was not started at once, before it was delivered.
    t.notRegex(stderr, /starts at once/);
    t.deepEqual(recordedSignals(log), [SIGTERM]);
  }, () => rmSync(log, { force: true }));
  t.true(hit, 'could not catch the init between its first module and its start-up');
});
