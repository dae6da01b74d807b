// SPEC §3.2: every zombie child is reaped, whoever made it, and no exit status is lost.
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { nsenter, startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { namespaceProcesses, zombiesIn } from '../support/procfs.js';
import { waitFor } from '../support/wait.js';
import { logFile } from '../support/log-file.js';

test('orphans of double forks are reaped while the command runs', async (t) => {
  const init = await startInit(['sh', '-c', '(sleep 0.1 &); (sleep 0.1 &); (sleep 0.1 &); sleep 1.2; exit 3']);
  // The three orphans exist, then exit and must vanish, not linger as zombies.
  await waitFor('the orphans to exit and be reaped', () =>
    namespaceProcesses(init.hostPid).filter((p) => p.comm === 'sleep').length === 1 && zombiesIn(init.hostPid).length === 0,
  );
  t.deepEqual(zombiesIn(init.hostPid), []);
  t.is((await init.outcome).code, 3);
});

test('orphans left by a session that joined the namespace (docker exec) are reaped', async (t) => {
  const init = await startInit(['-vv', 'sleep', '2']);
  await waitFor('the command to start', () => init.stderr().includes('started the command'));
  // nsenter is what docker exec does: the shell's background job is orphaned when it exits.
  const session = await nsenter(init.hostPid, ['sh', '-c', 'sleep 0.2 & sleep 0.3 & echo $!; exit 0']);
  t.is(session.code, 0);
  await waitFor('the orphans to be reaped', () => (init.stderr().match(/reaped pid \d+: exited with status 0/g) ?? []).length >= 2);
  await sleep(100);
  t.deepEqual(zombiesIn(init.hostPid), []);
  t.is((await init.outcome).code, 0);
});

test("2,000 orphans exiting at once, and the command's own status is still exact", async (t) => {
  // The command releases 2,000 orphans at the same instant and exits once the init has reaped them all.
  const log = logFile();
  const init = await startInit(['-vv', helper('orphans'), '2000', '7', 'reaped'], { timeoutMs: 60_000, stdio: ['ignore', 'pipe', log.fd] });
  const outcome = await init.outcome;
  t.is(outcome.code, 7);
  const reaped = log.lines().filter((line) => / reaped pid \d+: exited with status 0$/.test(line));
  t.is(reaped.length, 2000);
});

test("2,000 orphans exiting at the very instant the command exits: the command's status is still exact", async (t) => {
  const log = logFile();
  const outcome = await (await startInit(['-vv', helper('orphans'), '2000', '9'], { timeoutMs: 60_000, stdio: ['ignore', 'pipe', log.fd] })).outcome;
  t.is(outcome.code, 9);
  const lines = log.lines();
  // Orphans still running when the command's exit is handled die of the shutdown broadcast.
  const orphans = lines.filter((line) => / reaped pid \d+: (exited with status 0|was killed by SIGTERM)$/.test(line));
  t.is(orphans.length, 2000);
  t.is(lines.filter((line) => / reaped pid \d+: exited with status 9$/.test(line)).length, 1);
});
