// SPEC §7: faults around the init itself.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { hostProcess, namespaceProcesses, zombiesIn } from '../support/procfs.js';
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
  // The init is stopped first; only then are 500 orphans released, and each
  // exits at once: they can only pile up as zombies. The command exits 3 once
  // the init has reaped them all.
  const go = join(tmp(), 'go');
  const init = await startInit(['-v', 'sh', '-c', `until [ -e ${go} ]; do sleep 0.01; done; exec ${helper('orphans')} 500 3 reaped`]);
  await waitFor('the command to run', () => namespaceProcesses(init.hostPid).length === 2);
  init.signal('SIGSTOP');
  await waitFor('the init to be stopped', () => hostProcess(init.hostPid)?.state === 'T');
  writeFileSync(go, '');
  await waitFor('every orphan to wait as a zombie while the init is stopped', () => zombiesIn(init.hostPid).length === 500);
  init.signal('SIGCONT');
  t.is((await init.outcome).code, 3);
});
