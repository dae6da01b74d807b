// examples/: each image, built as its Dockerfile is written (after
// examples/prepare.sh; scripts/engines/docker/test.sh builds them), doing under a real
// engine what its comments say.
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { podCommand } from '../examples/support.js';
import { docker, dockerAsync, runDetached, waitForLog, type Container } from './support.js';

const fetchInside = (container: Container): string =>
  container.exec('node', '-e', "require('http').get('http://127.0.0.1:3000/', (r) => r.pipe(process.stdout))").stdout;

test('node-app: the server answers; docker stop stops it cleanly, exit 0', async (t) => {
  const container = runDetached(['example-node-app']);
  try {
    await waitForLog(container, 'listening on 3000');
    t.regex(fetchInside(container), /^hello from pid \d+\n$/);
    docker(['stop', container.id]);
    t.is(container.wait(), 0);
    t.true(container.logs().stdout.includes('SIGTERM: closing'));
  } finally {
    container.cleanup();
  }
});

test("node-app: the image carries V8's code cache for the init, made at build, and read from a --read-only root", (t) => {
  const cache = '/usr/local/lib/node_modules/docker-container-init/dist/.code-cache';
  const listed = docker(['run', '--rm', '--entrypoint', 'find', 'example-node-app', cache, '-type', 'f']);
  t.true(listed.stdout.split('\n').filter(Boolean).length > 0, listed.stdout + listed.stderr);
  const run = docker(['run', '--rm', '--read-only', 'example-node-app', 'sh', '-c', 'exit 3']);
  t.is(run.code, 3);
  t.is(run.stderr, '');
});

for (const init of [[], ['--init']]) {
  test(`vm${init.length > 0 ? ', under docker run --init' : ''}: the services run; a docker exec session comes and goes; docker stop makes every service log its SIGTERM, exit 0`, async (t) => {
    const container = runDetached([...init, 'example-vm']);
    try {
      await waitForLog(container, 'scheduler: started');
      t.is(container.exec('sh', '-c', 'echo from an exec session; sleep 0.1 &').stdout, 'from an exec session\n');
      await sleep(300);
      docker(['stop', container.id]);
      t.is(container.wait(), 0);
      const { stdout } = container.logs();
      for (const name of ['mailer', 'indexer', 'scheduler']) t.true(stdout.includes(`${name}: stopping`), `${name}: ${stdout}`);
    } finally {
      container.cleanup();
    }
  });
}

test('vm with --run (Dockerfile.run): the init starts the two services and the main one; docker stop stops each, exit 0', async (t) => {
  const container = runDetached(['example-vm-run']);
  try {
    for (const name of ['mailer', 'indexer', 'scheduler']) await waitForLog(container, `${name}: started`);
    docker(['stop', container.id]);
    t.is(container.wait(), 0);
    const { stdout, stderr } = container.logs();
    for (const name of ['mailer', 'indexer', 'scheduler']) t.true(stdout.includes(`${name}: stopping`), `${name}: ${stdout}`);
    t.is(stderr.match(/\] command \d \(pid \d+: .*worker\.sh .*\) exited with status 0/g)?.length, 3, stderr);
  } finally {
    container.cleanup();
  }
});

test('single-file: the single executable in an image without Node.js; docker stop, exit 0', async (t) => {
  const container = runDetached(['example-single-file']);
  try {
    await waitForLog(container, 'app: running');
    t.not(container.exec('sh', '-c', 'command -v node || echo none').stdout.trim(), '/usr/local/bin/node');
    docker(['stop', container.id]);
    t.is(container.wait(), 0);
    t.true(container.logs().stdout.includes('app: stopping'));
  } finally {
    container.cleanup();
  }
});

test("kubernetes: the pod's arguments under docker stop: the server answers through --delay-term, then stops within --grace", async (t) => {
  const [entrypoint, ...args] = podCommand('kubernetes/pod.yaml');
  const container = runDetached(['--entrypoint', entrypoint!, 'example-node-app', ...args]);
  try {
    await waitForLog(container, 'listening on 3000');
    const stopping = Date.now();
    const stop = dockerAsync(['stop', '-t', '30', container.id]);
    await sleep(2_500);
    t.regex(fetchInside(container), /^hello from pid/, 'still answering 2.5 s into the delay');
    t.is((await stop).code, 0);
    t.is(container.wait(), 0);
    t.true(Date.now() - stopping >= 5_000);
    t.true(container.logs().stdout.includes('SIGTERM: closing'));
    t.notRegex(container.logs().stderr, /ran out/);
  } finally {
    container.cleanup();
  }
});
