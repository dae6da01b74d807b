// SPEC §3.2, §7: thousands of orphans exiting within seconds; nothing is lost.
import test from 'ava';
import { logLines, startInit, type RunningInit } from '../support/init.js';
import { logFile } from '../support/log-file.js';
import { helper } from '../support/paths.js';

const ORPHANS = 10_000;
/** Orphans that never exit on their own. */
const STAYING = 100;
const reapedLines = (stderr: string, status: number): number =>
  logLines(stderr).filter((line) => line.endsWith(`: exited with status ${status}`) && line.includes(' reaped pid ')).length;

/** The init with its stderr in a file: these tests count its 10,000 lines. */
async function startLogging(args: readonly string[]): Promise<{ init: RunningInit; log: () => string }> {
  const file = logFile();
  const init = await startInit(args, { timeoutMs: 120_000, stdio: ['ignore', 'pipe', file.fd] });
  return { init, log: file.text };
}

test.serial(`${ORPHANS} orphans exit over 2 s while the command runs: none is left, the status is exact`, async (t) => {
  // Release all, each exits within 2 s; the command itself exits 7 once the
  // init has reaped every one of them (so the whole storm comes while it runs).
  const { init, log } = await startLogging(['-vv', helper('orphans'), String(ORPHANS), '7', 'reaped', '2000']);
  const outcome = await init.outcome;
  t.is(outcome.code, 7, log());
  t.is(reapedLines(log(), 0), ORPHANS);
  t.false(log().includes('dropped'), 'no log line was dropped');
});

test.serial(`${ORPHANS} orphans, and the command exits in the middle of the storm`, async (t) => {
  // The command exits 1 s into a storm of 2 s; 100 of the orphans never exit
  // on their own, so the storm is still going then, whatever the machine's speed.
  const { init, log } = await startLogging(['-vv', helper('orphans'), String(ORPHANS), '9', '1000', '2000', String(STAYING)]);
  const outcome = await init.outcome;
  t.is(outcome.code, 9, log());
  // The init exits only once it has no child left: every orphan went through its
  // reap loop, those still running at the command's exit killed by the broadcast.
  const lines = logLines(log());
  const killed = lines.filter((line) => / reaped pid \d+: was killed by SIGTERM$/.test(line)).length;
  t.is(reapedLines(log(), 0) + killed, ORPHANS);
  t.true(killed >= STAYING, 'the orphans that stay were ended by the broadcast');
  t.is(reapedLines(log(), 9), 1);
});
