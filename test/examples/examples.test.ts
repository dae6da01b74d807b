// examples/: each example's scripts as PID 1 of a PID namespace, doing what
// their comments say (npm run test:docker builds and runs the images themselves).
import test from 'ava';
import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { namespaceProcesses } from '../support/procfs.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { nsenter, startInit } from '../support/init.js';
import { waitFor } from '../support/wait.js';
import { dockerCommand, EXAMPLES, pathWithInit, podCommand } from './support.js';

const port = (): number => 20_000 + Math.floor(Math.random() * 20_000);

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

test('node-app: the server answers, and `docker stop` (SIGTERM) stops it cleanly with status 0', async (t) => {
  const command = dockerCommand('node-app/Dockerfile');
  t.deepEqual(command, ['docker-container-init', '--', 'node', 'server.js']);
  const PORT = port();
  const init = await startInit([], {
    viaShell: `exec ${command.join(' ')}`,
    cwd: join(EXAMPLES, 'node-app'),
    env: { PATH: pathWithInit(), PORT: String(PORT) },
  });
  await waitFor('the server', () => init.stdout().includes(`listening on ${PORT}`));
  t.regex(await fetchText(`http://127.0.0.1:${PORT}/`), /^hello from pid \d+\n$/);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  t.true(outcome.stdout.includes('SIGTERM: closing'));
  t.notRegex(outcome.stderr, /ran out/, 'nothing had to be killed');
});

test('vm: the entrypoint starts three services and becomes the init; `docker stop` stops each, exit 0', async (t) => {
  t.deepEqual(dockerCommand('vm/Dockerfile'), ['/entrypoint.sh']);
  const init = await startInit([], { viaShell: `exec ${join(EXAMPLES, 'vm/entrypoint.sh')}`, env: { PATH: pathWithInit() } });
  await waitFor('the services', () => (init.stdout().match(/: started/g) ?? []).length === 3);
  await waitFor('the init', () => init.stderr().includes('no command'));
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  for (const name of ['mailer', 'indexer', 'scheduler']) t.true(outcome.stdout.includes(`${name}: stopping`), name);
});

test('vm, with --run: the init starts the three services; `docker stop` stops each; one that dies stops the others', async (t) => {
  const command = dockerCommand('vm/Dockerfile.run');
  t.deepEqual(command, ['docker-container-init', '-v', '--run', 'exec /worker.sh mailer', '--run', '["/worker.sh", "indexer"]', '--', '/worker.sh', 'scheduler']);
  // The image has worker.sh at /; here it is in the example's folder.
  const here = (argv: string[]) => argv.map((word) => word.replace('/worker.sh', join(EXAMPLES, 'vm/worker.sh')));
  const stop = await startInit(here(command.slice(1)), { env: { PATH: pathWithInit() } });
  await waitFor('the services', () => (stop.stdout().match(/: started/g) ?? []).length === 3);
  stop.signal('SIGTERM');
  const stopped = await stop.outcome;
  t.is(stopped.code, 0, stopped.stderr);
  for (const name of ['mailer', 'indexer', 'scheduler']) t.true(stopped.stdout.includes(`${name}: stopping`), name);

  const die = await startInit(here(command.slice(1)), { env: { PATH: pathWithInit() } });
  await waitFor('the services', () => (die.stdout().match(/: started/g) ?? []).length === 3);
  const mailer = namespaceProcesses(die.hostPid).find((p) => p.comm === 'worker.sh' && readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes('mailer'))!;
  process.kill(mailer.pid, 'SIGKILL');
  const died = await die.outcome;
  t.is(died.code, 137, 'the status of the one that died');
  for (const name of ['indexer', 'scheduler']) t.true(died.stdout.includes(`${name}: stopping`), name);
});

test('kubernetes: with --delay-term 5 the server keeps answering for 5 s after SIGTERM, then stops cleanly within --grace', async (t) => {
  const command = podCommand('kubernetes/pod.yaml');
  t.deepEqual(command, ['docker-container-init', '--delay-term', '5', '--grace', '20', '-v', '--', 'node', 'server.js']);
  const PORT = port();
  const init = await startInit([], {
    viaShell: `exec ${command.join(' ')}`,
    cwd: join(EXAMPLES, 'node-app'),
    env: { PATH: pathWithInit(), PORT: String(PORT) },
    timeoutMs: 60_000,
  });
  await waitFor('the server', () => init.stdout().includes(`listening on ${PORT}`));
  const stopped = Date.now();
  init.signal('SIGTERM');
  await sleep(2_500);
  t.regex(await fetchText(`http://127.0.0.1:${PORT}/`), /^hello from pid/, 'still serving 2.5 s into the delay');
  t.false(init.stdout().includes('SIGTERM: closing'));
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  t.true(Date.now() - stopped >= 5_000);
  t.true(outcome.stdout.includes('SIGTERM: closing'));
});

test('services: the database becomes healthy, the migration runs, then the web server (on the WEB_PORT the container was given) and the worker, each line labelled; ps shows them; `docker stop` stops the worker (SIGQUIT), the web server, the database, exit 0', async (t) => {
  const command = dockerCommand('services/Dockerfile');
  t.deepEqual(command, ['docker-container-init', '-v', '--services', '/etc/services.yaml']);
  // The image has the example's files at /srv and /etc/services.yaml; here they are bound there,
  // in a network namespace of its own (the ports are the example's).
  const folder = join(EXAMPLES, 'services');
  const setup = `ip link set lo up && mount --bind ${folder} /srv && touch /etc/services.yaml && mount --bind ${folder}/services.yaml /etc/services.yaml && exec "$0" "$@"`;
  const init = await startInit(command.slice(1), { wrap: ['unshare', '--net', 'sh', '-c', setup], env: { PATH: pathWithInit(), WEB_PORT: '8081' }, timeoutMs: 60_000 });
  await waitFor('the worker and the web server', () => init.stdout().includes('worker  | started') && init.stdout().includes('web     | listening on 8081'), 30_000);
  const order = ['db      | ready on 5432', 'migrate | done', 'web     | listening on 8081'].map((line) => init.stdout().indexOf(line));
  t.deepEqual([...order].sort((a, b) => a - b), order, init.stdout());
  t.true(order.every((at) => at >= 0));
  const ps = await nsenter(init.hostPid, ['sh', '-c', `PATH=${pathWithInit()}; docker-container-init ps`]);
  t.regex(ps.stdout, /^migrate +completed +- +0 +- +0$/m);
  t.regex(ps.stdout, /^worker +running +\d+/m);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  const stops = ['stopping service worker', 'stopping service web', 'stopping service db'].map((text) => outcome.stderr.indexOf(text));
  t.deepEqual([...stops].sort((a, b) => a - b), stops, outcome.stderr);
  t.regex(outcome.stderr, /stopping service worker \(pid \d+\) with SIGQUIT/);
  t.true(outcome.stdout.includes('worker  | SIGQUIT: finishing the job'));
  t.true(outcome.stdout.includes('web     | SIGTERM: closing'));
});
