// SPEC §6: with -D the init is not PID 1. It becomes the child subreaper and
// its shutdown broadcast reaches its own descendants only.
import test from 'ava';
import { join } from 'node:path';
import { startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { namespaceProcesses } from '../support/procfs.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { readOr, tmp, untilReady } from '../support/files.js';

test('-D: a bystander that is not a descendant survives the shutdown untouched', async (t) => {
  const dir = tmp();
  const bystander = join(dir, 'bystander');
  const descendant = join(dir, 'descendant');
  const result = join(dir, 'result');
  // PID 1 of the namespace is a shell; the init is one of its children, the bystander another.
  const script = [
    `${helper('sigrecord')} ${bystander} &`,
    `"$INIT" -D -vv -- sh -c '${helper('sigrecord')} ${descendant} 0 & ${untilReady(descendant)}; exit 5' 2>${join(dir, 'stderr')}`,
    `echo $? > ${result}`,
    'sleep 30',
  ].join('\n');
  const run = await startInit([], { viaShell: script });
  try {
    await waitFor('the init to finish', () => readOr(result).trim() !== '');
    t.is(readOr(result).trim(), '5');
    t.deepEqual(recordedSignals(descendant), [15], 'the orphaned descendant got SIGTERM');
    t.true(readOr(bystander).startsWith('ready'));
    t.deepEqual(recordedSignals(bystander), [], 'the bystander got nothing');
    const alive = namespaceProcesses(run.hostPid).filter((p) => p.comm === 'sigrecord' && p.state !== 'Z');
    t.is(alive.length, 1, 'the bystander still runs');
    // The descendant was orphaned when the command exited: it came to the init (subreaper) and was reaped there.
    t.regex(readOr(join(dir, 'stderr')), /reaped pid \d+: exited with status 0\n/);
  } finally {
    run.kill();
  }
});
