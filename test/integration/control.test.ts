// SPEC §19 as PID 1 of a real PID namespace: `docker-container-init ps`,
// `restart`, `stop`, `start` and `health`, run in the container as `docker
// exec` runs them (nsenter), asking the running init through its socket.
import test from 'ava';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { nsenter, runInit, startInit, type RunningInit } from '../support/init.js';
import { INIT } from '../support/paths.js';
import { recorderScript, servicesDir } from '../support/services.js';
import { waitFor, waitForAsync } from '../support/wait.js';

const ask = (init: RunningInit, ...args: string[]) => nsenter(init.hostPid, [INIT, ...args]);

interface Row {
  readonly name: string;
  readonly state: string;
  readonly pid: number | null;
  readonly restarts: number;
  readonly lastExit: number | null;
}

/** What ps --json says; none while the socket is not there yet. */
async function ps(init: RunningInit): Promise<Row[]> {
  const { code, stdout } = await ask(init, 'ps', '--json');
  return code === 0 ? (JSON.parse(stdout) as Row[]) : [];
}

const NONE: Row = { name: '', state: 'none', pid: null, restarts: 0, lastExit: null };
const row = (rows: readonly Row[], name: string): Row => rows.find((one) => one.name === name) ?? NONE;

/** The rows of ps, once `until` holds of them (waited for as `what`). */
const psUntil = (init: RunningInit, what: string, until: (rows: readonly Row[]) => boolean): Promise<Row[]> =>
  waitForAsync(what, async () => {
    const rows = await ps(init);
    return until(rows) ? rows : undefined;
  });

test('ps while a service backs off, and after one gave up (during the shutdown that follows): as a table and as JSON', async (t) => {
  const svc = servicesDir();
  const recorder = recorderScript(svc.dir);
  const log = svc.at('log');
  const path = svc.file(`services:
  slow:
    command: ["${recorder}", "slow", "${log}", "ignore"]
    stop_grace_period: 30s
  flaky:
    command: ["sh", "-c", "sleep 0.3; exit 4"]
    restart: always
  quitter:
    command: ["sh", "-c", "until [ -e ${svc.at('go')} ]; do sleep 0.05; done; exit 5"]
    restart: on-failure:1
`);
  const init = await startInit(['-v', '--services', path]);
  try {
    const backingOff = await psUntil(init, 'flaky backing off', (rows) => row(rows, 'flaky').state === 'backing off');
    t.like(row(backingOff, 'flaky'), { pid: null, lastExit: 4 });
    t.like(row(backingOff, 'slow'), { state: 'running', restarts: 0, lastExit: null });
    const table = await ask(init, 'ps');
    t.is(table.code, 0);
    t.regex(table.stdout, /^SERVICE +STATE +PID +RESTARTS +UPTIME +LAST EXIT\n/);
    t.regex(table.stdout, /^slow +running +\d+ +0 +\d+s +-$/m);
    // quitter fails twice and gives up: the shutdown begins, and waits for slow, which ignores SIGTERM.
    // The shutdown stops flaky before slow (reverse order), so slow may still
    // run when quitter has just given up: ps is asked until slow is stopping.
    writeFileSync(svc.at('go'), '');
    const gaveUp = await psUntil(init, 'quitter to give up, and slow to be stopping', (rows) => row(rows, 'quitter').state === 'given up' && row(rows, 'slow').state === 'stopping');
    t.like(row(gaveUp, 'quitter'), { restarts: 1, lastExit: 5 });
    t.like(row(gaveUp, 'slow'), { state: 'stopping', restarts: 0 });
  } finally {
    init.kill();
    await init.outcome;
  }
});

test('restart NAME restarts that service alone, at once; stop NAME stops it for good, and start NAME starts it again', async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:\n  a:\n    command: ["sleep", "1000"]\n  b:\n    command: ["sleep", "1000"]\n`);
  const init = await startInit(['-v', '--services', path]);
  try {
    const before = await psUntil(init, 'both', (rows) => rows.length === 2 && rows.every((one) => one.state === 'running'));
    const restarted = await ask(init, 'restart', 'a');
    t.deepEqual([restarted.code, restarted.stdout], [0, 'restarting service a\n']);
    const after = await psUntil(init, 'a again', (rows) => row(rows, 'a').state === 'running' && row(rows, 'a').pid !== row(before, 'a').pid);
    t.is(row(after, 'a').restarts, 1);
    t.is(row(after, 'b').pid, row(before, 'b').pid, 'b runs on, untouched');
    t.deepEqual((await ask(init, 'stop', 'b')).stdout, 'stopping service b\n');
    await waitForAsync('b stopped', async () => row(await ps(init), 'b').state === 'stopped');
    t.is(init.process.exitCode, null, 'a service stopped this way ends nothing');
    t.deepEqual((await ask(init, 'start', 'b')).stdout, 'starting service b\n');
    await waitForAsync('b running', async () => row(await ps(init), 'b').state === 'running');
    const wrong = await ask(init, 'restart', 'c');
    t.deepEqual([wrong.code, wrong.stderr], [1, '[ERROR][docker-container-init] no service "c" (the services: a, b)\n']);
    init.signal('SIGTERM');
    t.is((await init.outcome).code, 0);
  } finally {
    init.kill();
  }
});

test('scale 3: three copies, each labelled and in ps as worker-1 ... worker-3; restart worker restarts all three, restart worker-2 one; SIGTERM stops them all', async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:\n  worker:\n    command: ["sh", "-c", "echo up; exec sleep 1000"]\n    scale: 3\n`);
  const init = await startInit(['-v', '--services', path]);
  const names = ['worker-1', 'worker-2', 'worker-3'];
  try {
    const before = await psUntil(init, 'three copies', (rows) => rows.length === 3 && rows.every((one) => one.state === 'running'));
    t.deepEqual(before.map((one) => one.name), names);
    await waitFor('their lines', () => names.every((name) => init.stdout().includes(`${name} | up\n`)));
    const all = await ask(init, 'restart', 'worker');
    t.deepEqual([all.code, all.stdout], [0, 'restarting service worker-1; restarting service worker-2; restarting service worker-3\n']);
    const after = await psUntil(init, 'three new copies', (rows) => names.every((name) => row(rows, name).state === 'running' && row(rows, name).restarts === 1));
    for (const name of names) t.not(row(after, name).pid, row(before, name).pid, name);
    t.deepEqual((await ask(init, 'restart', 'worker-2')).stdout, 'restarting service worker-2\n');
    const one = await psUntil(init, 'worker-2 again', (rows) => row(rows, 'worker-2').restarts === 2 && row(rows, 'worker-2').state === 'running');
    t.deepEqual(names.map((name) => row(one, name).restarts), [1, 2, 1]);
    init.signal('SIGTERM');
    const outcome = await init.outcome;
    t.is(outcome.code, 0, outcome.stderr);
    for (const name of names) t.regex(outcome.stderr, new RegExp(`stopping service ${name} \\(pid \\d+\\) with SIGTERM`));
  } finally {
    init.kill();
  }
});

test("restart NAME restarts what depends on it with restart: true (Compose's), once it has started anew; what depends on it without runs on", async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:
  db:
    command: ["sleep", "1000"]
  web:
    command: ["sleep", "1001"]
    depends_on: {db: {condition: service_started, restart: true}}
  other:
    command: ["sleep", "1002"]
    depends_on: [db]
`);
  const init = await startInit(['-v', '--services', path]);
  try {
    const before = await psUntil(init, 'all three', (rows) => rows.length === 3 && rows.every((one) => one.state === 'running'));
    const restarted = await ask(init, 'restart', 'db');
    t.deepEqual([restarted.code, restarted.stdout], [0, 'restarting service db; restarting service web after it (depends_on restart: true)\n']);
    const after = await psUntil(init, 'db and web again', (rows) => ['db', 'web'].every((name) => row(rows, name).state === 'running' && row(rows, name).restarts === 1));
    t.not(row(after, 'db').pid, row(before, 'db').pid);
    t.not(row(after, 'web').pid, row(before, 'web').pid);
    t.is(row(after, 'other').pid, row(before, 'other').pid, 'other depends on db without restart: true');
    const starts = init.stderr().split('\n').filter((line) => / started service (db|web) /.test(line)).map((line) => / service (\w+) /.exec(line)![1]);
    t.deepEqual(starts, ['db', 'web', 'db', 'web'], 'web starts again after db did');
    init.signal('SIGTERM');
    t.is((await init.outcome).code, 0);
  } finally {
    init.kill();
  }
});

test('health: 0 while every service is healthy or runs, 1 once a probe fails; for a HEALTHCHECK or an exec probe', async (t) => {
  const svc = servicesDir();
  const flag = svc.at('ok');
  writeFileSync(flag, '');
  const path = svc.file(`services:
  db:
    command: ["sleep", "1000"]
    healthcheck:
      test: ["CMD", "test", "-e", "${flag}"]
      interval: 100ms
      retries: 1
    restart: always
  app:
    command: ["sleep", "1000"]
`);
  const init = await startInit(['-v', '--services', path]);
  try {
    const healthy = await waitForAsync('healthy', async () => ((await ask(init, 'health')).code === 0 ? true : undefined));
    t.true(healthy);
    t.is((await ask(init, 'health')).stdout, 'healthy\n');
    rmSync(flag);
    const sick = await waitForAsync('not healthy', async () => {
      const answer = await ask(init, 'health');
      return answer.code === 1 ? answer : undefined;
    });
    t.regex(sick.stdout, /^not healthy: db \((unhealthy|stopping|backing off|starting)\)\n$/);
  } finally {
    init.kill();
    await init.outcome;
  }
});

test('the socket is root\'s and the init\'s own user\'s: another user is refused, in one line, status 1', async (t) => {
  const svc = servicesDir();
  chmodSync(svc.dir, 0o755);
  const path = svc.file('services:\n  a:\n    command: ["sleep", "1000"]\n');
  const init = await startInit(['-v', '--services', path]);
  try {
    await waitForAsync('the socket', async () => (await ask(init, 'ps')).code === 0);
    const other = await nsenter(init.hostPid, ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', INIT, 'ps']);
    t.is(other.code, 1);
    t.is(other.stderr, "[ERROR][docker-container-init] cannot ask the init at /run/docker-container-init/control.sock: permission denied: only root or the init's own user may ask it\n");
  } finally {
    init.kill();
    await init.outcome;
  }
});

test('no init to ask: one line, status 1; a /run that is read-only: the init runs on without a socket and says so, and ps says there is none', async (t) => {
  const nobody = await runInit(['ps', '--control', '/nonexistent/control.sock'], { namespace: false });
  t.is(nobody.code, 1);
  t.is(nobody.stderr, '[ERROR][docker-container-init] cannot ask the init at /nonexistent/control.sock: no init listens there (does it run with --services, or with --control elsewhere?)\n');
  const svc = servicesDir();
  const path = svc.file('services:\n  a:\n    command: ["sleep", "1000"]\n');
  const init = await startInit(['-v', '--services', path], { wrap: ['sh', '-c', 'mount -o remount,ro /run && exec "$0" "$@"'] });
  try {
    await waitFor('the line that says so', () => /\[INFO\]\[docker-container-init\] no control socket at \/run\/docker-container-init\/control\.sock \(EROFS\)/.test(init.stderr()));
    const answer = await ask(init, 'ps');
    t.is(answer.code, 1);
    t.regex(answer.stderr, /no init listens there/);
  } finally {
    init.kill();
    await init.outcome;
  }
});
