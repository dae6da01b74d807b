// SPEC §7: memory does not grow with the work done. The init's anonymous RSS
// after 10,000 reaps and 10,000 forwarded signals may exceed its anonymous RSS
// after the first 5,000 of each (by then the V8 heap has settled) by at most
// 2 MiB, 5% of its whole RSS.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { nsenter, startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { namespaceProcesses } from '../support/procfs.js';
import { waitFor } from '../support/wait.js';
import { readOr, tmp } from '../support/files.js';

const ROUNDS = 4;
const PER_ROUND = 2_500;

// Anonymous memory (where a leak would be): the pages of node's binary that the
// init hands back a few seconds after start (syscalls/release-file-pages.ts)
// would lower RSS by some 20 MiB wherever that falls, and hide a leak.
const rssKiB = (pid: number): number => Number(/^RssAnon:\s*(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

test('anonymous RSS after 10,000 reaps and 10,000 signals stays within 2 MiB of that after 5,000 of each', async (t) => {
  const log = join(tmp(), 'log');
  const init = await startInit([helper('sigrecord'), log, '0'], { timeoutMs: 120_000 });
  await waitFor('the recorder', () => readOr(log).startsWith('ready'));
  await sleep(500);
  const curve = [rssKiB(init.hostPid)];
  for (let round = 1; round <= ROUNDS; round++) {
    const orphans = await nsenter(init.hostPid, [helper('orphans'), String(PER_ROUND), '0']);
    t.is(orphans.code, 0);
    execFileSync(helper('sigflood'), [init.hostPid, PER_ROUND, 50, 5, 10, 12].map(String));
    await waitFor('the orphans to be reaped', () => namespaceProcesses(init.hostPid).length === 2, 30_000);
    await sleep(500);
    curve.push(rssKiB(init.hostPid));
  }
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 0);
  const labels = curve.map((kib, i) => `${i * PER_ROUND}: ${(kib / 1024).toFixed(1)} MiB`);
  t.log(`anonymous RSS after n reaps and n signals: ${labels.join(', ')}`);
  const half = curve[ROUNDS / 2]!;
  const end = curve[ROUNDS]!;
  t.true(end <= half + 2048, `anonymous RSS ${end} kB at the end against ${half} kB halfway`);
});
