// Services (SPEC §17-§19) under a real Docker engine: the services example as
// its Dockerfile is written, with Docker's own HEALTHCHECK asking the init;
// docker stop while a probe runs; a crash restarted; docker exec ps.
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { docker, runDetached, waitForLog, zombies, type Container } from './support.js';

function healthOf(container: Container): string {
  return docker(['inspect', '--format', '{{.State.Health.Status}}', container.id]).stdout.trim();
}

test('services example: labelled output, Docker\'s HEALTHCHECK turns healthy through `docker-container-init health`, docker exec ps, docker stop in reverse order, exit 0', async (t) => {
  const container = runDetached(['example-services']);
  try {
    await waitForLog(container, 'web     | listening on 8080', 30_000);
    for (let i = 0; i < 60 && healthOf(container) !== 'healthy'; i++) await sleep(500);
    t.is(healthOf(container), 'healthy');
    const ps = container.exec('docker-container-init', 'ps');
    t.is(ps.code, 0, ps.stderr);
    t.regex(ps.stdout, /^db +healthy +\d+ +0 /m);
    t.regex(ps.stdout, /^migrate +completed +- +0 +- +0$/m);
    t.regex(ps.stdout, /^worker +running +\d+/m);
    docker(['stop', container.id]);
    t.is(container.wait(), 0);
    const { stdout, stderr } = container.logs();
    const stops = ['stopping service worker', 'stopping service web', 'stopping service db'].map((text) => stderr.indexOf(text));
    t.deepEqual([...stops].sort((a, b) => a - b), stops, stderr);
    t.true(stdout.includes('worker  | SIGQUIT: finishing the job'), stdout);
    t.true(stdout.includes('db      | SIGTERM: shutting down'), stdout);
  } finally {
    container.cleanup();
  }
});

const SLOW_PROBE = `services:
  web:
    command: ["sleep", "1000"]
    healthcheck:
      test: ["CMD-SHELL", "sleep 0.4"]
      interval: 10ms
  crash:
    command: ["sh", "-c", "sleep 0.2; exit 3"]
    restart: always
`;

test('docker stop while a probe runs, and a service that keeps crashing: the stop is clean, fast, and leaves no zombie', async (t) => {
  const script = `cat > /tmp/services.yaml <<'EOF'\n${SLOW_PROBE}EOF\nexec docker-container-init -v --services /tmp/services.yaml`;
  const container = runDetached(['--entrypoint', 'sh', 'dci-test:node24', '-c', script]);
  try {
    await waitForLog(container, 'restarting service crash', 20_000);
    await sleep(500);
    t.is(zombies(container), 0);
    const stopping = Date.now();
    docker(['stop', '-t', '20', container.id]);
    t.is(container.wait(), 0);
    t.true(Date.now() - stopping < 10_000, 'stopped long before docker stop would have killed it');
    const { stderr } = container.logs();
    t.regex(stderr, /exiting with status 0$/m);
    t.notRegex(stderr, /ran out|did not stop/);
  } finally {
    container.cleanup();
  }
});

test("services example: its build's --check kept the file's value, and yaml's and the reader's code caches, in the image; a container's start takes the value from there", (t) => {
  const cache = '/usr/local/lib/node_modules/docker-container-init/dist/.code-cache';
  const listed = docker(['run', '--rm', '--entrypoint', 'ls', 'example-services', cache]).stdout.split('\n').filter(Boolean);
  t.true(listed.some((file) => file.includes('-services-file-')), listed.join(', '));
  t.true(listed.some((file) => file.includes('-yaml-')), listed.join(', '));
  t.true(listed.some((file) => file.includes('-services-from-file-')), listed.join(', '));
  // A fresh container reads the same file as a start does: the value kept at the build, not parsed.
  const run = docker(['run', '--rm', '--entrypoint', 'docker-container-init', 'example-services', '--check', '-vv', '--services', '/etc/services.yaml']);
  t.is(run.code, 0, run.stderr);
  t.is(run.stderr, '[DEBUG][docker-container-init] the services file: the same text as at an earlier start, whose value was kept: not parsed again\n');
  t.regex(run.stdout, /^--check: \/etc\/services\.yaml holds \d+ services, which would start in this order: /);
});
