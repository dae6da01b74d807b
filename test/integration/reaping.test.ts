// SPEC §3.2: every zombie child is reaped, whoever made it, and no exit status is lost.
import test from 'ava';
import { nsenter, runInit, startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { namespaceProcesses, zombiesIn } from '../support/procfs.js';
import { waitFor } from '../support/wait.js';
import { logFile } from '../support/log-file.js';

test('orphans of double forks are reaped while the command runs', async (t) => {
  // The shell's three double forks leave three orphans; the command waits
  // until no process but itself has PID 1 for parent: the orphans have exited,
  // and the init has reaped them. (By parent, not by name: an orphan may not
  // have become `sleep` yet when the shell first looks.)
  const orphans = '(sleep 0.1 &); (sleep 0.1 &); (sleep 0.1 &)';
  const reaped = `while cat /proc/[0-9]*/stat 2>/dev/null | awk -v me=$$ '$4 == 1 && $1 != me { found = 1 } END { exit !found }'; do sleep 0.01; done`;
  const outcome = await runInit(['-vv', 'sh', '-c', `${orphans}; ${reaped}; exit 3`]);
  t.is(outcome.code, 3);
  t.is((outcome.stderr.match(/reaped pid \d+: exited with status 0/g) ?? []).length, 3, outcome.stderr);
  t.notRegex(outcome.stderr, /killed by SIGTERM/, 'none was left for the shutdown');
});

test('orphans left by a session that joined the namespace (docker exec) are reaped', async (t) => {
  const init = await startInit(['-vv', 'sleep', '1000']);
  await waitFor('the command to start', () => init.stderr().includes('started the command'));
  // nsenter is what docker exec does: the shell's background job is orphaned when it exits.
  const session = await nsenter(init.hostPid, ['sh', '-c', 'sleep 0.2 & sleep 0.3 & echo $!; exit 0']);
  t.is(session.code, 0);
  await waitFor('the orphans to be reaped', () => (init.stderr().match(/reaped pid \d+: exited with status 0/g) ?? []).length >= 2);
  await waitFor('no zombie', () => zombiesIn(init.hostPid).length === 0);
  t.is(namespaceProcesses(init.hostPid).length, 2, 'the init and its command, nothing else');
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 143);
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
