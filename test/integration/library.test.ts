// SPEC §9: a Node.js app that runs as PID 1 and uses the library
// (test/helpers/library-app.mjs), in a real PID namespace.
import test from 'ava';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startInit } from '../support/init.js';
import { helper, ROOT } from '../support/paths.js';
import { zombiesIn } from '../support/procfs.js';
import { waitFor } from '../support/wait.js';

const APP = join(ROOT, 'test/helpers/library-app.mjs');
const env = {
  DCI_LIBRARY: pathToFileURL(join(ROOT, 'dist/lib/index.js')).href,
  DCI_ORPHANS: helper('orphans'),
};

const app = (mode: string) => startInit([], { wrap: ['node', APP, mode], noInit: true, env, timeoutMs: 60_000 });

test('51 child_process children keep their exit events while 1,000 orphans are reaped; SIGTERM without a listener exits 143', async (t) => {
  const init = await app('load');
  const report = await waitFor('the report', () => init.stdout().split('\n').find((line) => line.startsWith('{')), 30_000);
  const { problems, reaped } = JSON.parse(report) as { problems: unknown[]; reaped: number };
  t.deepEqual(problems, [], 'every exit event with its code or signal');
  t.is(reaped, 1000, 'every orphan, and none of the app\'s own children');
  t.deepEqual(zombiesIn(init.hostPid), []);
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 143);
});

test("with the app's own SIGTERM listener, the listener runs and the app lives on; SIGINT without one exits 130", async (t) => {
  const init = await app('listener');
  await waitFor('the app', () => init.stdout().includes('ready'));
  init.signal('SIGTERM');
  await waitFor('the app\'s listener', () => init.stdout().includes('app got SIGTERM'));
  await sleep(300);
  t.is(init.process.exitCode, null, 'still running');
  init.signal('SIGINT');
  t.is((await init.outcome).code, 130);
});

test('node --import docker-container-init/register: a bare app as PID 1 stops on SIGTERM with 143', async (t) => {
  const register = join(ROOT, 'dist/lib/register.js');
  const init = await startInit([], {
    wrap: ['node', '--import', pathToFileURL(register).href, '-e', 'setInterval(() => {}, 1 << 30); console.log("up")'],
    noInit: true,
  });
  await waitFor('the app', () => init.stdout().includes('up'));
  init.signal('SIGTERM');
  t.is((await init.outcome).code, 143);
});
