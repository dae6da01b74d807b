// Signals that arrive while Node.js is still starting, before any code of the
// init has run (SPEC §4, §7: nothing is lost). The test catches the init in
// that window: it watches the new process's signal dispositions from the host,
// and at the moment Node's own start-up handlers are in place but the init's
// are not yet, freezes it with SIGSTOP, queues the signal, and lets it go.
import test from 'ava';
import { SIGHUP, SIGUSR1, SIGTERM, SIGRTMIN } from '../support/signals.js';
import { tmp } from '../support/files.js';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cleanEnv } from '../support/init.js';
import { helper, INIT } from '../support/paths.js';
import { childrenOf } from '../support/procfs.js';
import { recordedSignals } from '../support/wait.js';

const bit = (signal: number): bigint => 1n << BigInt(signal - 1);

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
): Promise<boolean> {
  for (let tries = 1; tries <= 20; tries++) {
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

test.serial('a SIGTERM that comes while Node.js is still starting is not lost: it reaches the command', async (t) => {
  // Node's start-up handler is in, the init's first module (which catches SIGHUP) is not.
  const hit = await inWindow(t, ['-v', 'sleep', '30'], [SIGTERM, SIGHUP], async ({ pid, outcome }) => {
    process.kill(pid, 'SIGTERM');
    process.kill(pid, 'SIGCONT');
    const { code, stderr } = await outcome;
    t.is(code, 143, stderr);
    t.regex(stderr, /shutting down: the command \(pid \d+\) was killed by SIGTERM/);
  });
  t.true(hit, 'could not catch the init between Node\'s start-up handlers and its own');
});

test.serial('a SIGUSR1 that comes while Node.js is still starting reaches the command, and the debugger it opened is closed', async (t) => {
  const log = join(tmp(), 'log');
  const hit = await inWindow(t, ['-vv', helper('sigrecord'), log, '0'], [SIGUSR1, SIGHUP], async ({ pid, outcome }) => {
    process.kill(pid, 'SIGUSR1');
    process.kill(pid, 'SIGCONT');
    await sleep(500); // past the init's second look at the inspector
    // Nothing listens on the debugger's port (127.0.0.1:9229) any more.
    const listening = readFileSync('/proc/net/tcp', 'utf8').split('\n').filter((line) => / 0100007F:2405 00000000:0000 0A /.test(line));
    t.deepEqual(listening, [], 'no debugger is left listening');
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone: the command died of the SIGUSR1
    }
    const { code, stderr } = await outcome;
    t.regex(stderr, /\[WARN\]\[docker-container-init\] a SIGUSR1 came while Node\.js was starting and opened its debugger; closed it again/);
    // Forwarded exactly once. It reaches the command so early that the command may not
    // have its handler yet: then SIGUSR1's default action ends it (status 138), as it would
    // for any process; otherwise the command records it and stops on SIGTERM (status 0).
    t.is(stderr.match(/forwarding SIGUSR1 to pid \d+/g)?.length, 1, stderr);
    if (code === 138) t.regex(stderr, /the command \(pid \d+\) was killed by SIGUSR1/);
    else {
      t.is(code, 0, stderr);
      t.deepEqual(recordedSignals(log), [SIGUSR1, SIGTERM]);
    }
  });
  t.true(hit, 'could not catch the init between Node\'s start-up handlers and its own');
});

test.serial('a signal that comes while the init loads its code is held and forwarded once the command runs', async (t) => {
  // The init's first modules catch SIGHUP already; the supervisor, which catches the realtime signals of -r, is not up yet.
  const hit = await inWindow(t, ['-vv', '-r', 'sleep', '30'], [SIGHUP, SIGRTMIN], async ({ pid, outcome }) => {
    process.kill(pid, 'SIGHUP');
    process.kill(pid, 'SIGCONT');
    const { code, stderr } = await outcome;
    // sleep has no handler: SIGHUP ends it (128 + 1) as soon as it is forwarded.
    t.is(code, 129, stderr);
    t.regex(stderr, /received SIGHUP\n(.*\n)*.*forwarding SIGHUP to pid \d+/);
  });
  t.true(hit, 'could not catch the init between its first module and its supervisor');
});
