// SPEC §17 as PID 1 of a real PID namespace: services that crash and are
// restarted with Docker's backoff, give up, complete, wait for each other,
// run as another user, and stop in order.
import test from 'ava';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { readOr } from '../support/files.js';
import { logLines, runInit, startInit } from '../support/init.js';
import { recorderScript, servicesDir } from '../support/services.js';
import { waitFor } from '../support/wait.js';

const restarts = (stderr: string): string[] =>
  logLines(stderr).flatMap((line) => /restarting service \S+ in ([\d.]+) s \(restart (\d+); it (.*)\)$/.exec(line)?.slice(1, 4).join(' ') ?? []);

test('a crashing service is restarted after 0.1, 0.2, 0.4 s (Docker\'s backoff); on-failure:3 gives up, and the container ends with its status', async (t) => {
  const svc = servicesDir();
  const starts = svc.at('starts');
  const path = svc.file(`services:\n  crash:\n    command: ["sh", "-c", "date +%s%N >> ${starts}; exit 3"]\n    restart: on-failure:3\n`);
  const outcome = await runInit(['-v', '--services', path]);
  t.is(outcome.code, 3, outcome.stderr);
  t.deepEqual(restarts(outcome.stderr), ['0.1 1 exited with status 3', '0.2 2 exited with status 3', '0.4 3 exited with status 3']);
  t.true(logLines(outcome.stderr).includes('[INFO][docker-container-init] shutting down: service crash (pid ' + /service crash \(pid (\d+)\) exited with status 3, and gave up/.exec(outcome.stderr)?.[1] + ') exited with status 3, and gave up after 3 restarts (restart: on-failure:3)'), outcome.stderr);
  // Four starts, each no sooner after the one before than the delay said.
  const times = readFileSync(starts, 'utf8').trim().split('\n').map((line) => Number(BigInt(line) / 1_000_000n));
  t.is(times.length, 4);
  [100, 200, 400].forEach((delay, i) => t.true(times[i + 1]! - times[i]! >= delay, `start ${i + 2} came ${times[i + 1]! - times[i]!} ms after the one before (delay ${delay} ms)`));
});

test('a run of 10 s or more starts the backoff over at 0.1 s', async (t) => {
  const svc = servicesDir();
  const runs = svc.at('runs');
  // Runs 1 and 2 crash at once, run 3 lasts 10.5 s, run 4 crashes at once, run 5 stays.
  // $$: the file's own $ (Compose interpolates $n from the init's environment otherwise).
  const script = `n=$(($(cat ${runs} 2>/dev/null || echo 0) + 1)); echo $$n > ${runs}; [ $$n = 3 ] && sleep 10.5; [ $$n = 5 ] && exec sleep 1000; exit 1`;
  const path = svc.file(`services:\n  flaky:\n    command: ["sh", "-c", ${JSON.stringify(script)}]\n    restart: always\n`);
  const init = await startInit(['-v', '--services', path], { timeoutMs: 40_000 });
  await waitFor('the fifth run', () => readOr(runs).trim() === '5', 30_000);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  t.deepEqual(restarts(outcome.stderr).map((line) => line.split(' ')[0]), ['0.1', '0.2', '0.1', '0.2']);
});

test('restart: always restarts a service that exits 0; SIGTERM without a command ends the container with 0', async (t) => {
  const svc = servicesDir();
  const runs = svc.at('runs');
  const path = svc.file(`services:\n  tick:\n    command: ["sh", "-c", "echo x >> ${runs}"]\n    restart: always\n`);
  const init = await startInit(['-v', '--services', path]);
  await waitFor('three runs', () => readOr(runs).split('\n').length > 3);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.true(restarts(outcome.stderr).slice(0, 2).every((line) => line.endsWith('exited with status 0')));
  t.true(logLines(outcome.stderr).includes('[INFO][docker-container-init] shutting down: received SIGTERM'));
});

test('a one-shot migration that the app waits for: the app starts after it completed, the main command after both; its exit 0 ends nothing', async (t) => {
  const svc = servicesDir();
  const [migrated, app, main] = ['migrated', 'app', 'main'].map((name) => svc.at(name));
  const path = svc.file(`services:
  app:
    command: ["sh", "-c", "date +%s%N > ${app}; exec sleep 1000"]
    depends_on:
      migrate: {condition: service_completed_successfully}
  migrate:
    command: ["sh", "-c", "sleep 0.3; date +%s%N > ${migrated}"]
`);
  const init = await startInit(['-v', '--services', path, 'sh', '-c', `date +%s%N > ${main}; exec sleep 1000`]);
  await waitFor('the main command', () => existsSync(main) && readOr(main).trim() !== '');
  await waitFor('the app', () => existsSync(app) && readOr(app).trim() !== '');
  const at = (file: string): bigint => BigInt(readFileSync(file, 'utf8').trim());
  t.true(at(app) >= at(migrated), 'the app started after the migration ended');
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 143, 'the main command\'s status: SIGTERM went to it');
  const lines = logLines(outcome.stderr);
  const order = ['service migrate (pid', 'started service app', 'started the command'].map((text) => lines.findIndex((line) => line.includes(text)));
  t.deepEqual([...order].sort((a, b) => a - b), order, lines.join('\n'));
  t.true(order.every((index) => index >= 0));
});

test('a one-shot that fails ends the container with its status; what waits for it never starts', async (t) => {
  const svc = servicesDir();
  const app = svc.at('app');
  const path = svc.file(`services:
  migrate:
    command: ["sh", "-c", "exit 4"]
  app:
    command: ["touch", "${app}"]
    depends_on: {migrate: {condition: service_completed_successfully}}
`);
  const outcome = await runInit(['-v', '--services', path]);
  t.is(outcome.code, 4);
  t.false(existsSync(app));
  t.regex(outcome.stderr, /shutting down: service migrate \(pid \d+\) exited with status 4/);
});

/** The programs in the order the log says they started, each with its pid. */
const startedInLog = (stderr: string): Array<[string, number]> =>
  logLines(stderr).flatMap((line): Array<[string, number]> => {
    const started = /started (?:service (\S+) \(pid (\d+)\)|(the command) as pid (\d+))$/.exec(line);
    return started ? [[started[1] ?? started[3]!, Number(started[2] ?? started[4])]] : [];
  });

test('with no service waiting for another, the services and the main command start at once, in the file\'s order, before the supervisor loads', async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:\n${['c', 'a', 'b'].map((name) => `  ${name}:\n    command: ["sleep", "1000"]\n`).join('')}`);
  const outcome = await runInit(['-vv', '--services', path, 'true']);
  t.is(outcome.code, 0, outcome.stderr);
  t.true(logLines(outcome.stderr).includes('[DEBUG][docker-container-init] no signal came while the init was starting: its programs start at once, before the supervisor loads'), outcome.stderr);
  const started = startedInLog(outcome.stderr);
  t.deepEqual(started.map(([name]) => name), ['c', 'a', 'b', 'the command']);
  // Pids come in the order the processes were made: the starts themselves were in that order.
  const pids = started.map(([, pid]) => pid);
  t.deepEqual([...pids].sort((x, y) => x - y), pids);
});

test('a service that waits for another leaves the start order to the supervisor: each starts once what it waits for has', async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:
  web:
    command: ["sleep", "1000"]
    depends_on: [db]
  db:
    command: ["sleep", "1000"]
`);
  const outcome = await runInit(['-vv', '--services', path, 'true']);
  t.is(outcome.code, 0, outcome.stderr);
  t.notRegex(outcome.stderr, /start at once/);
  const started = startedInLog(outcome.stderr);
  t.deepEqual(started.map(([name]) => name), ['db', 'web', 'the command']);
  const pids = started.map(([, pid]) => pid);
  t.deepEqual([...pids].sort((x, y) => x - y), pids);
});

test('started at once, a service that cannot start ends the container with 127; the services after it start as the supervisor says, the main command never', async (t) => {
  const svc = servicesDir();
  const main = svc.at('main');
  const path = svc.file(`services:
  first:
    command: ["sleep", "1000"]
  missing:
    command: ["/nonexistent/program"]
  last:
    command: ["sleep", "1000"]
`);
  const outcome = await runInit(['-vv', '--services', path, 'touch', main]);
  t.is(outcome.code, 127, outcome.stderr);
  t.regex(outcome.stderr, /start at once/);
  t.regex(outcome.stderr, /service missing could not be started \(No such file or directory\)/);
  t.deepEqual(startedInLog(outcome.stderr).map(([name]) => name), ['first', 'last']);
  t.false(existsSync(main), 'the main command never ran');
  t.regex(outcome.stderr, /service last \(pid \d+\) was killed by SIGTERM/);
});

test('a service with restart "no" that exits ends the container with its status, and the shutdown stops the others', async (t) => {
  const svc = servicesDir();
  const recorder = recorderScript(svc.dir);
  const log = svc.at('log');
  const path = svc.file(`services:
  web:
    command: ["${recorder}", "web", "${log}"]
  job:
    command: ["sh", "-c", "until grep -qs 'web ready' ${log}; do sleep 0.01; done; exit 6"]
`);
  const outcome = await runInit(['-v', '--services', path]);
  t.is(outcome.code, 6);
  t.deepEqual(readOr(log).trim().split('\n'), ['web ready', 'web TERM']);
});

test('the shutdown stops the services dependents first, each with its stop signal; one that outlives its stop_grace_period is killed, then the next', async (t) => {
  const svc = servicesDir();
  const recorder = recorderScript(svc.dir);
  const log = svc.at('log');
  const path = svc.file(`services:
  db:
    command: ["${recorder}", "db", "${log}"]
  cache:
    command: ["${recorder}", "cache", "${log}", "ignore"]
    stop_grace_period: 500ms
  app:
    command: ["${recorder}", "app", "${log}"]
    stop_signal: SIGQUIT
    depends_on: [db, cache]
`);
  const init = await startInit(['-v', '--services', path]);
  await waitFor('every service', () => ['db', 'cache', 'app'].every((name) => readOr(log).includes(`${name} ready`)));
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  t.deepEqual(readOr(log).trim().split('\n').slice(3), ['app QUIT', 'cache ignores TERM', 'db TERM']);
  const lines = logLines(outcome.stderr);
  const killed = lines.findIndex((line) => /\[ERROR\]\[docker-container-init\] service cache \(pid \d+\) did not stop within its stop_grace_period of 0\.5 s: sending SIGKILL$/.test(line));
  const dbStopped = lines.findIndex((line) => /stopping service db \(pid \d+\) with SIGTERM$/.test(line));
  t.true(killed >= 0 && killed < dbStopped, lines.join('\n'));
});

test('--grace bounds the whole stop: a service that ignores SIGTERM and has no grace of its own is killed when it runs out', async (t) => {
  const svc = servicesDir();
  const recorder = recorderScript(svc.dir);
  const log = svc.at('log');
  const path = svc.file(`services:\n  stubborn:\n    command: ["${recorder}", "stubborn", "${log}", "ignore"]\n`);
  const init = await startInit(['-v', '--grace', '0.5', '--services', path]);
  await waitFor('the service', () => readOr(log).includes('ready'));
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.regex(outcome.stderr, /\[ERROR\]\[docker-container-init\] --grace 0\.5 s ran out; killed pid \d+ \(\/bin\/sh .*recorder\.sh stubborn/);
});

test('a service as another user, with its supplementary groups, its HOME, in its working_dir, with its environment and env_file', async (t) => {
  const svc = servicesDir();
  chmodSync(svc.dir, 0o777); // the service, as uid 4321, writes its answer here
  const out = svc.at('out');
  svc.file('app:x:4321:4321::/nonexistent:/bin/sh\n', 'passwd');
  svc.file('app:x:4321:\nlogs:x:4400:app\nother:x:4500:\n', 'group');
  svc.file('FROM_FILE=file\nBOTH=file\n', 'app.env');
  const path = svc.file(`services:
  app:
    command: ["sh", "-c", "echo $(id -u) $(id -g) $(id -G) $$HOME $$PWD $$FROM_FILE $$BOTH $$FROM_INIT > ${out}"]
    user: app
    group_add: [other]
    working_dir: /tmp
    env_file: app.env
    environment: {BOTH: environment}
    restart: "no"
  root:
    command: ["sh", "-c", "echo $(id -u) $$HOME > ${svc.at('root')}; exec sleep 1000"]
    depends_on: [app]
`);
  // The namespace's own /etc/passwd and /etc/group, bound over the machine's.
  const etc = `mount --bind ${svc.at('passwd')} /etc/passwd && mount --bind ${svc.at('group')} /etc/group && exec "$0" "$@"`;
  const outcome = await runInit(['--services', path], { wrap: ['sh', '-c', etc], env: { FROM_INIT: 'init', HOME: '/home/of-the-init' } });
  t.is(outcome.code, 0, outcome.stderr);
  t.is(readOr(out), '4321 4321 4321 4400 4500 /nonexistent /tmp file environment init\n', "the user's own HOME, as Docker and gosu give it");
  t.is(readOr(svc.at('root')), '0 /home/of-the-init\n', 'the init took its own ids back: the next service runs as root, with the HOME the init has');
});

test('a bad services file: one line naming the file, the service and the key; exit 2; nothing starts', async (t) => {
  const svc = servicesDir();
  const marker = svc.at('started');
  const path = svc.file(`services:\n  a:\n    command: ["touch", "${marker}"]\n  b:\n    command: x\n    ports: ["80:80"]\n`);
  const outcome = await runInit(['--services', path]);
  t.is(outcome.code, 2);
  t.is(outcome.stderr, `[ERROR][docker-container-init] ${path}: service b: key ports: configures the container itself, which the init runs inside of: it cannot apply to a service of the init\n`);
  t.false(existsSync(marker));
});

test("the file's values are interpolated from the container's environment, as Compose does ($$ for the service's own shell, NODE_OPTIONS as the app set it); an unset variable is a warning; a required one stops the start with exit 2", async (t) => {
  const svc = servicesDir();
  const out = svc.at('out');
  const marker = svc.at('started');
  const path = svc.file(`services:
  app:
    command: ["sh", "-c", "echo \\"\${GREETING:-hello} $$GREETING \${NODE_OPTIONS}\${UNSET_ONE}\\" > ${out}"]
    environment: {GREETING: from the service}
    restart: "no"
`);
  const given = await runInit(['-v', '--services', path], { env: { GREETING: 'from the container', NODE_OPTIONS: '--max-old-space-size=64' } });
  t.is(given.code, 0, given.stderr);
  t.is(readFileSync(out, 'utf8'), 'from the container from the service --max-old-space-size=64\n');
  t.true(
    logLines(given.stderr).includes(`[WARN][docker-container-init] ${path}: service app: key command: the variable UNSET_ONE is not set: it stands for an empty string`),
    given.stderr,
  );

  // The same file, another environment: another value (the kept value is the file's, before interpolation).
  const other = await runInit(['--services', path]);
  t.is(other.code, 0, other.stderr);
  t.is(readFileSync(out, 'utf8'), 'hello from the service \n');
  t.is(other.stderr, '', 'without -v or -w, no warning');

  const required = svc.file(`services:\n  a:\n    command: ["touch", "${marker}", "\${NEEDED:?the file needs it}"]\n`, 'required.yaml');
  const refused = await runInit(['--services', required]);
  t.is(refused.code, 2);
  t.is(refused.stderr, `[ERROR][docker-container-init] ${required}: service a: key command: the variable NEEDED is not set: the file needs it\n`);
  t.false(existsSync(marker));
});

test('profiles: a service with profiles starts only when the container\'s COMPOSE_PROFILES names one; -v says which were left out', async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:
  app:
    command: ["sh", "-c", "touch ${svc.at('app')}; exec sleep 1000"]
  debug:
    command: ["sh", "-c", "touch ${svc.at('debug')}; exec sleep 1000"]
    profiles: [debug]
    depends_on: [app]
`);
  const command = ['-v', '--services', path, '--', 'sh', '-c', `until [ -e ${svc.at('app')} ]; do sleep 0.01; done; sleep 0.3`];
  const without = await runInit(command);
  t.is(without.code, 0, without.stderr);
  t.true(existsSync(svc.at('app')));
  t.false(existsSync(svc.at('debug')));
  t.true(logLines(without.stderr).includes(`[INFO][docker-container-init] ${path}: service debug: not started: it runs with the profile debug, which COMPOSE_PROFILES does not name`), without.stderr);

  const withDebug = await runInit(command, { env: { COMPOSE_PROFILES: 'debug' } });
  t.is(withDebug.code, 0, withDebug.stderr);
  t.true(existsSync(svc.at('debug')), withDebug.stderr);
  t.regex(withDebug.stderr, /started service debug \(pid \d+\)/);
});

test('the copies of a service with scale are stopped together: three that each finish only once all three got SIGTERM stop cleanly', async (t) => {
  const svc = servicesDir();
  const log = svc.at('terms');
  // Stopped one after another, the first would wait for the others' SIGTERM until --grace ran out.
  const finish = `echo TERM >> ${log}; until [ $$(grep -c TERM ${log}) -ge 3 ]; do sleep 0.01; done; exit 0`;
  const path = svc.file(`services:\n  worker:\n    command: ["sh", "-c", ${JSON.stringify(`trap '${finish}' TERM; while :; do sleep 0.05; done`)}]\n    scale: 3\n`);
  const outcome = await runInit(['-v', '--grace', '5', '--services', path, '--', 'sleep', '0.5'], { timeoutMs: 20_000 });
  t.is(outcome.code, 0, outcome.stderr);
  t.is(readOr(log), 'TERM\nTERM\nTERM\n');
  t.notRegex(outcome.stderr, /ran out|SIGKILL/);
  t.regex(outcome.stderr, /the shutdown took [\d.]+ s: signalled 0 processes, 3 exited after SIGTERM, 0 killed/);
});

test("a .env beside the services file, as Compose's project .env: its variables stand in the file and may name the profiles; the container's own win", async (t) => {
  const svc = servicesDir();
  svc.file('WHO=the .env file\nCOMPOSE_PROFILES=extra\n', '.env');
  const path = svc.file(`services:
  app:
    command: ["sh", "-c", "echo \${WHO} > ${svc.at('out')}; exec sleep 1000"]
  extra:
    command: ["sh", "-c", "touch ${svc.at('extra')}; exec sleep 1000"]
    profiles: [extra]
`);
  const command = ['--services', path, '--', 'sh', '-c', `until [ -s ${svc.at('out')} ] && [ -e ${svc.at('extra')} ]; do sleep 0.01; done`];
  const fromFile = await runInit(command, { timeoutMs: 10_000 });
  t.is(fromFile.code, 0, fromFile.stderr);
  t.is(readOr(svc.at('out')), 'the .env file\n');
  for (const name of ['out', 'extra']) rmSync(svc.at(name));
  const fromContainer = await runInit(command, { env: { WHO: 'the container' }, timeoutMs: 10_000 });
  t.is(fromContainer.code, 0, fromContainer.stderr);
  t.is(readOr(svc.at('out')), 'the container\n');
});

test("a service whose working_dir does not exist, or is a file: the line names the folder, not the program", async (t) => {
  const svc = servicesDir();
  for (const [directory, why] of [[svc.at('missing'), 'No such file or directory (its working_dir ' + svc.at('missing') + ' does not exist)'], ['/etc/passwd', 'Not a directory (its working_dir /etc/passwd is not a folder)']]) {
    const path = svc.file(`services:\n  a:\n    command: ["true"]\n    working_dir: ${directory}\n`);
    const outcome = await runInit(['--services', path]);
    t.is(outcome.code, 127);
    t.is(outcome.stderr, `[ERROR][docker-container-init] cannot run "true": ${why}\n`);
  }
});

test("post_start and pre_stop hooks (Compose's): post_start beside the started service; at the shutdown, the pre_stop hooks one after another, then its stop signal", async (t) => {
  const svc = servicesDir();
  const log = svc.at('log');
  const path = svc.file(`services:
  app:
    command: ["sh", "-c", "trap 'echo app TERM >> ${log}; exit 0' TERM; while :; do sleep 0.05; done"]
    post_start:
      - command: ["sh", "-c", "echo post_start >> ${log}; echo registered"]
    pre_stop:
      - command: ["sh", "-c", "sleep 0.2; echo pre_stop 1 >> ${log}"]
      - command: ["sh", "-c", "echo pre_stop 2 >> ${log}; exit 3"]
`);
  const outcome = await runInit(['-v', '--services', path, '--', 'sh', '-c', `until grep -qs post_start ${log}; do sleep 0.01; done`], { timeoutMs: 20_000 });
  t.is(outcome.code, 0, outcome.stderr);
  t.is(readOr(log), 'post_start\npre_stop 1\npre_stop 2\napp TERM\n');
  const lines = logLines(outcome.stderr);
  t.true(lines.some((line) => /^\[INFO\]\[docker-container-init\] post_start hook 1 of service app \(sh -c .*\) exited with status 0: registered$/.test(line)), outcome.stderr);
  t.true(lines.some((line) => /^\[WARN\]\[docker-container-init\] pre_stop hook 2 of service app \(sh -c .*\) exited with status 3$/.test(line)), outcome.stderr);
});

test('--check: a good file is named with its services in start order, exit 0, nothing starts, not even as PID 1; a bad one gives the start\'s own line and exit 2', async (t) => {
  const svc = servicesDir();
  const marker = svc.at('started');
  const path = svc.file(`services:\n  app:\n    command: ["touch", "${marker}"]\n    depends_on: [db]\n  db:\n    command: ["touch", "${marker}"]\n`);
  const checked = await runInit(['--check', '--services', path, '--run', 'touch x', '--', 'touch', marker]);
  t.is(checked.code, 0, checked.stderr);
  t.is(checked.stdout, `--check: ${path} holds 2 services, which would start in this order: db, app, then 1 --run command and the command; nothing started\n`);
  t.is(checked.stderr, '');
  t.false(existsSync(marker));

  const plain = await runInit(['--check', '-v', '--grace', '3', 'true'], { namespace: false });
  t.is(plain.code, 0, plain.stderr);
  t.is(plain.stdout, '--check: the options are valid: the command would start; nothing started\n');

  const bad = svc.file(`services:\n  a:\n    command: x\n    ports: ["80:80"]\n`);
  const refused = await runInit(['--check', '--services', bad], { namespace: false });
  t.is(refused.code, 2);
  t.is(refused.stdout, '');
  t.is(refused.stderr, `[ERROR][docker-container-init] ${bad}: service a: key ports: configures the container itself, which the init runs inside of: it cannot apply to a service of the init\n`);
  const usage = await runInit(['--check', '--grace', 'soon'], { namespace: false });
  t.is(usage.code, 2);
  t.regex(usage.stderr, /^\[ERROR\]\[docker-container-init\] invalid --grace "soon" .*\(see -h\)\n$/);
});
