// SPEC §18 as PID 1 of a real PID namespace: health probes that pass, fail,
// hang; a dependent that waits for its dependency to be healthy; an unhealthy
// service restarted; probes reaped as the probes they are.
import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { readOr } from '../support/files.js';
import { logLines, startInit } from '../support/init.js';
import { zombiesIn } from '../support/procfs.js';
import { servicesDir } from '../support/services.js';
import { waitFor } from '../support/wait.js';

const ms = (file: string): number => Number(BigInt(readFileSync(file, 'utf8').trim()) / 1_000_000n);

test('a dependent waits until its dependency is healthy: the database is ready after 1.5 s, the app starts after that', async (t) => {
  const svc = servicesDir();
  const [ready, app] = [svc.at('ready'), svc.at('app')];
  const path = svc.file(`services:
  db:
    command: ["sh", "-c", "sleep 1.5; date +%s%N > ${ready}; exec sleep 1000"]
    healthcheck:
      test: ["CMD", "test", "-s", "${ready}"]
      interval: 200ms
      start_period: 10s
      start_interval: 100ms
  app:
    command: ["sh", "-c", "date +%s%N > ${app}; exec sleep 1000"]
    depends_on:
      db: {condition: service_healthy}
`);
  const init = await startInit(['-v', '--services', path]);
  await waitFor('the app', () => existsSync(app) && readOr(app).trim() !== '', 15_000);
  t.true(ms(app) >= ms(ready), `the app started ${ms(app) - ms(ready)} ms after the database was ready`);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  const lines = logLines(outcome.stderr);
  const healthy = lines.findIndex((line) => /service db \(pid \d+\) is healthy: $/.test(line) || /service db \(pid \d+\) is healthy: \(no output\)$/.test(line));
  const started = lines.findIndex((line) => line.includes('started service app'));
  t.true(healthy >= 0 && healthy < started, lines.join('\n'));
});

test('failures during start_period do not count; after it, retries failures in a row make the service unhealthy, and its restart policy restarts it', async (t) => {
  const svc = servicesDir();
  const runs = svc.at('runs');
  // Every probe fails. The first run is stopped as unhealthy once start_period (0.6 s) is over and two probes failed after it.
  const path = svc.file(`services:
  web:
    command: ["sh", "-c", "echo run >> ${runs}; exec sleep 1000"]
    restart: always
    healthcheck:
      test: ["CMD-SHELL", "echo down; exit 1"]
      interval: 100ms
      retries: 2
      start_period: 600ms
      start_interval: 100ms
`);
  const init = await startInit(['-v', '--services', path]);
  await waitFor('a second run', () => readOr(runs).split('\n').length > 2, 10_000);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  const lines = logLines(outcome.stderr);
  const unhealthy = lines.find((line) => line.includes('is unhealthy'));
  t.regex(unhealthy ?? '', /service web \(pid \d+\) is unhealthy after 2 failed probes in a row: down$/);
  t.truthy(lines.find((line) => /stopping service web \(pid \d+\) with SIGTERM$/.test(line)));
  t.truthy(lines.find((line) => /restarting service web in 0\.1 s \(restart 1; it was killed by SIGTERM\)$/.test(line)));
});

test('a probe that hangs past its timeout is killed with its children, counts as a failure, and leaves no zombie', async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:
  web:
    command: ["sleep", "1000"]
    healthcheck:
      test: ["CMD-SHELL", "sleep 30 & sleep 30"]
      interval: 100ms
      timeout: 300ms
      retries: 1
`);
  const init = await startInit(['-vv', '--services', path]);
  // The container ends with it: its whole log is read once the init has exited
  // (the 'is unhealthy' line and the shutdown's can come in separate reads).
  const outcome = await init.outcome;
  t.regex(outcome.stderr, /service web \(pid \d+\) is unhealthy after 1 failed probe in a row: the probe timed out after 0\.3 s$/m);
  t.regex(outcome.stderr, /service web \(pid \d+\) became unhealthy \(the probe timed out after 0\.3 s\)/);
  t.is(outcome.code, 1, 'restart "no": an unhealthy service ends the container');
  t.regex(outcome.stderr, /killing the health probe of service web \(pid \d+\)/);
  // The probe's whole group got SIGKILL when it timed out: its shell and the
  // sleeps it had started by then (the first at once; on a loaded machine the
  // second may not have started in 0.3 s) die of it, none of SIGTERM. (The
  // shutdown's broadcast may still find them dying, and count them.)
  t.true((outcome.stderr.match(/reaped pid \d+: was killed by SIGKILL/g) ?? []).length >= 2, 'the probe and its children');
  t.is((outcome.stderr.match(/reaped pid \d+: was killed by SIGTERM/g) ?? []).length, 1, 'the service alone');
});

test("probes are reaped as probes: never taken for the service's exit, never warned about with -w, no zombie between them", async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:
  web:
    command: ["sleep", "1000"]
    healthcheck:
      test: ["CMD", "true"]
      interval: 50ms
`);
  const init = await startInit(['-vv', '-w', '--services', path]);
  await waitFor('ten probes', () => (init.stderr().match(/probing service web/g) ?? []).length >= 10, 10_000);
  await waitFor('no zombie', () => zombiesIn(init.hostPid).length === 0);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.notRegex(outcome.stderr, /reaped zombie/);
  const lines = logLines(outcome.stderr);
  t.deepEqual(lines.filter((line) => line.includes('shutting down')), ['[INFO][docker-container-init] shutting down: received SIGTERM'], 'the service ran on until the stop');
  t.false(lines.some((line) => /restarting|unhealthy/.test(line)));
});
