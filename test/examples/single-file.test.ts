// examples/single-file: run by `npm run test:sea`, with the single executable
// as the binary under test and Node.js hidden from the namespace.
import test from 'ava';
import { join } from 'node:path';
import { startInit } from '../support/init.js';
import { HIDE_NODE, INIT } from '../support/paths.js';
import { namespaceProcesses } from '../support/procfs.js';
import { waitFor } from '../support/wait.js';
import { dockerCommand, EXAMPLES } from './support.js';

test('single-file: the executable runs app.sh with no Node.js around; SIGTERM stops it, the job is reaped, exit 0', async (t) => {
  t.true(HIDE_NODE, 'run with npm run test:sea');
  const command = dockerCommand('single-file/Dockerfile').map((word) =>
    word === '/usr/local/bin/docker-container-init' ? INIT : word === '/app.sh' ? join(EXAMPLES, 'single-file/app.sh') : word,
  );
  t.deepEqual(command.slice(1), ['--', join(EXAMPLES, 'single-file/app.sh')]);
  const init = await startInit([], { viaShell: `exec ${command.join(' ')}` });
  await waitFor('the app', () => init.stdout().includes('app: running'));
  // app.sh forks its job before it says it runs; the job's exec of sleep can come later.
  await waitFor('the background job', () => namespaceProcesses(init.hostPid).some((p) => p.comm === 'sleep'));
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  t.true(outcome.stdout.includes('app: stopping'));
});
