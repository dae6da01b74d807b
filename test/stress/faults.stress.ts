// SPEC §7: faults around the init itself.
import test from 'ava';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { namespaceProcesses, zombiesIn } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { readOr, tmp } from '../support/files.js';

test('stderr is a pipe nobody reads any more (EPIPE), with -vv: the init reaps on and exits with the status', async (t) => {
  const log = join(tmp(), 'log');
  const init = await startInit(['-vv', 'sh', '-c', `${helper('orphans')} 200 0 0 300 >/dev/null; exec ${helper('sigrecord')} ${log} 0`]);
  init.process.stderr!.destroy(); // the reader goes away: every log write now fails with EPIPE
  await waitFor('the recorder', () => readOr(log).startsWith('ready'));
  await waitFor('the orphans to be reaped', () => namespaceProcesses(init.hostPid).length === 2 && zombiesIn(init.hostPid).length === 0);
  init.signal('SIGUSR1');
  await waitFor('SIGUSR1 to get through', () => recordedSignals(log).includes(10));
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 0);
  // The SIGPIPE the init's own failed write raised was not taken for one to forward.
  t.deepEqual(recordedSignals(log), [10, 15]);
});

test('stopped (SIGSTOP) while children exit, then resumed (SIGCONT): every zombie is reaped', async (t) => {
  // 500 orphans released at once, each exits within 300 ms; the command exits 3 after 3 s.
  const init = await startInit(['-v', helper('orphans'), '500', '3', '3000', '300']);
  await waitFor('the orphans to be released', () => init.stdout().includes('500'));
  init.signal('SIGSTOP');
  await waitFor('zombies to pile up while the init is stopped', () => zombiesIn(init.hostPid).length >= 400);
  await sleep(300);
  init.signal('SIGCONT');
  await waitFor('every zombie to be reaped', () => zombiesIn(init.hostPid).length === 0);
  t.is(namespaceProcesses(init.hostPid).length, 2, 'the init and its command, nothing else');
  t.is((await init.outcome).code, 3);
});
