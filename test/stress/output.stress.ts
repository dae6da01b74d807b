// SPEC §16 under load: a reader that never reads. What the init holds for it
// is bounded; the lines past the bound are dropped, counted, and the count is
// said once there is room again; nothing else is held up.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeSync, readFileSync } from 'node:fs';
import { fifo } from '../support/fifo.js';
import { startRecorder, type RunningInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { recordedSignals, waitFor } from '../support/wait.js';

/** The memory bound of one output descriptor (src/output/sink.ts), as docs/limits.md states it. */
const BOUND_MIB = 4;
/**
 * What V8 keeps beside the bound: some of the dropped lines' garbage outlives
 * a young collection and waits in old space for the next full one (--trace-gc
 * showed 49.5 MB there fall to 4.8 MB), and the heap keeps what it committed:
 * about 6 MiB over the bound, measured. That slack is as large as a queue
 * without a bound would hold here, so the count of lines lost says that the
 * bound held (below), and RSS that nothing else is kept.
 */
const NOISE_MIB = 12;
const ARGS = ['-vv', '-r', '--log-format', 'json'];
// Realtime signals queue: each one is received, logged twice and forwarded
// (with -vv in JSON, about 100 bytes a line: some 12 MB, three times the bound).
const SIGNALS = 60_000;

// Anonymous memory only (what the queue lives in): the pages of node's binary
// that the init hands back a few seconds after start (syscalls/release-file-pages.ts)
// would otherwise move RSS by some 20 MiB whenever that falls during a flood.
const rssMiB = (pid: number): number => Number(/^RssAnon:\s*(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** How much anonymous RSS grew by while `SIGNALS` signals went through the init to its command, and a reading of it from then on. */
async function floodGrowth(init: RunningInit, log: string): Promise<{ grown: number; growth: () => number }> {
  const before = rssMiB(init.hostPid);
  execFileSync(helper('sigflood'), [init.hostPid, SIGNALS, 500, 5, 40, 41].map(String));
  await waitFor('every signal at the command', () => recordedSignals(log).length === SIGNALS, 120_000);
  const growth = (): number => rssMiB(init.hostPid) - before;
  return { grown: growth(), growth };
}

/**
 * The garbage of the -vv lines is not held, only not collected yet, and V8
 * keeps the pages its heap grew to (docs/limits.md). Once, with another
 * process keeping a core busy beside the whole stress suite, the growth
 * without a reader was 49 MiB over the floor. So the growth is read again for
 * up to 30 s, in case a collection gives pages back (between floods, V8 was
 * seen to hand back half of such a growth). The count of the lines lost
 * (below) is what shows that the queue's bound held.
 */
async function settledGrowth(growth: () => number, within: number): Promise<number> {
  const deadline = Date.now() + 30_000;
  let now = growth();
  while (now >= within && Date.now() < deadline) {
    await sleep(250);
    now = growth();
  }
  return now;
}

test.serial(`a reader that never reads: ${SIGNALS} signals, two JSON lines each, all forwarded; the memory held stays within the bound; the lines lost are counted`, async (t) => {
  // The same flood with a reader that reads everything at once: the floor.
  const reading = await startRecorder(ARGS, { stdio: ['ignore', 'pipe', 'ignore'], timeoutMs: 150_000 });
  const floor = (await floodGrowth(reading.init, reading.log)).grown;
  reading.init.kill();
  await reading.init.outcome;

  const stderr = fifo();
  stderr.fill();
  const { init, log } = await startRecorder(ARGS, { stdio: ['ignore', 'pipe', stderr.writer], timeoutMs: 150_000 });
  closeSync(stderr.writer);
  try {
    const { grown, growth } = await floodGrowth(init, log);
    const held = await settledGrowth(growth, floor + BOUND_MIB + NOISE_MIB);
    t.log(`anonymous RSS grew by ${floor.toFixed(1)} MiB with a reader, ${grown.toFixed(1)} MiB with nobody reading (${held.toFixed(1)} MiB once V8 had collected)`);
    t.true(held - floor < BOUND_MIB + NOISE_MIB, `${(held - floor).toFixed(1)} MiB more than with a reader`);
    // Room again: what waited goes out, then the count of what was lost.
    const dropped = await waitFor('the report of the lost lines', () => {
      stderr.drain();
      return /"message":"(\d+) log lines were dropped: stderr was not being read"/.exec(stderr.text())?.[1];
    }, 30_000);
    // Of the two lines a signal, the 4 MiB held fewer than half: the rest were dropped.
    t.true(Number(dropped) >= SIGNALS, `${dropped} lines dropped of ${2 * SIGNALS}`);
    init.signal('SIGTERM');
    await waitFor('the init to end and its stderr to close', () => stderr.drain(), 30_000);
    t.is((await init.outcome).code, 0);
    const lines = stderr.text().trim().split('\n');
    t.like(JSON.parse(lines.at(-1)!), { message: 'exiting with status 0' });
  } finally {
    stderr.close();
    init.kill();
  }
});
