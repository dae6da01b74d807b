// A services file read into records (SPEC §17, §18): Compose's vocabulary,
// read as Compose reads it, and every problem one line naming the file, the
// service and the key.
import test from 'ava';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIGQUIT, SIGTERM } from '../../src/posix/signals.js';
import { lookupIn } from '../../src/services-file/interpolate.js';
import { servicesFromFile, type FileContext } from '../../src/services-file/services-from-file.js';
import type { Hook } from '../../src/streams/service.js';
import { tmp } from '../support/files.js';

const CONTEXT: FileContext = { range: { min: 34, max: 64 }, variable: lookupIn({ FROM_INIT: 'init value' }), log: () => {}, directory: '/srv', euid: 0 };

function file(text: string, name = 'services.yaml'): string {
  const dir = tmp('dci-services-');
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const read = (text: string) => servicesFromFile(file(text), CONTEXT);
const refused = (text: string): string => {
  const path = file(text);
  try {
    servicesFromFile(path, CONTEXT);
  } catch (error) {
    return (error as Error).message.replace(path, 'F');
  }
  return 'accepted';
};

test('every key the init reads, with anchors, aliases and merge keys; x- keys ignored', (t) => {
  const [app] = read(`
x-common: &common
  restart: on-failure:3
  stop_grace_period: 1m30s
  environment: &env
    LEVEL: debug
services:
  app:
    <<: *common
    x-note: ignored
    entrypoint: ["/docker-entrypoint.sh"]
    command: serve --port 80
    environment:
      <<: *env
      FROM_INIT:
      COUNT: 3
    working_dir: app
    stop_signal: QUIT
    healthcheck:
      test: curl -f http://localhost/
      interval: 5s
      retries: 2
    x-docker-container-init:
      output: inherit
`);
  t.like(app, {
    name: 'app',
    role: 'service',
    argv: ['/docker-entrypoint.sh', 'serve', '--port', '80'],
    restart: { kind: 'on-failure', maxRetries: 3 },
    stopSignal: SIGQUIT,
    stopGraceMs: 90_000,
    dependsOn: [],
    healthcheck: { argv: ['/bin/sh', '-c', 'curl -f http://localhost/'], intervalMs: 5_000, timeoutMs: 30_000, retries: 2, startPeriodMs: 0, startIntervalMs: 5_000 },
  });
  t.deepEqual(app!.launch.environment.map(String), ['LEVEL=debug', 'FROM_INIT=init value', 'COUNT=3']);
  t.is(String(app!.launch.directory), '/srv/app');
  t.is(app!.launch.output, 'inherit');
});

test('JSON is YAML; defaults: no restart, SIGTERM, no grace of its own, labelled output', (t) => {
  const [one] = read('{"services": {"one": {"command": ["sleep", 5]}}}');
  t.like(one, { argv: ['sleep', '5'], restart: { kind: 'no' }, stopSignal: SIGTERM, stopGraceMs: undefined, healthcheck: undefined });
  t.is(one!.launch.output, 'labelled');
  t.is(one!.launch.user, undefined);
});

test("restart in Docker's words; depends_on as a list or with conditions; records in start order", (t) => {
  const services = read(`
services:
  app:
    command: app
    restart: unless-stopped
    depends_on:
      migrate: {condition: service_completed_successfully}
      db: {condition: service_healthy}
      optional: {required: false}
  db:
    command: db
    restart: always
    healthcheck: {test: ["CMD", "pg_isready"]}
  migrate:
    command: migrate
    depends_on: [db]
    restart: "no"
`);
  t.deepEqual(services.map((service) => service.name), ['db', 'migrate', 'app']);
  t.deepEqual(services.map((service) => service.restart), [{ kind: 'always' }, { kind: 'no' }, { kind: 'always' }]);
  t.deepEqual(services[2]!.dependsOn, [{ service: 1, condition: 'service_completed_successfully' }, { service: 0, condition: 'service_healthy' }]);
  t.deepEqual(services[0]!.healthcheck?.argv, ['pg_isready']);
});

test('env_file next to the file, environment on top of it; format: raw as written', (t) => {
  const dir = tmp('dci-services-');
  writeFileSync(join(dir, 'app.env'), 'A=from file\nB=from file\n');
  writeFileSync(join(dir, 'raw.env'), 'R="$FROM_INIT" # all of it\n');
  writeFileSync(join(dir, 'services.yaml'), 'services:\n  app:\n    command: app\n    env_file: [app.env, {path: missing.env, required: false}, {path: raw.env, format: raw}]\n    environment: [B=from environment]\n');
  const [app] = servicesFromFile(join(dir, 'services.yaml'), CONTEXT);
  t.deepEqual(app!.launch.environment.map(String), ['A=from file', 'B=from environment', 'R="$FROM_INIT" # all of it']);
});

test("the file's values are interpolated from the init's environment, as Compose does; each unset variable is one warning naming the service and the key", (t) => {
  const warnings: string[] = [];
  const path = file(
    [
      'x-port: &port ${PORT:-8080}',
      'services:',
      '  web:',
      '    command: ["sh", "-c", "exec serve --port $$PORT --by ${FROM_INIT}"]',
      '    environment: {PORT: *port, WHO: "${NOPE}"}',
      '    healthcheck: {test: "check $$PORT", retries: "${RETRIES:-2}"}',
      '    stop_signal: ${STOP:-SIGQUIT}',
    ].join('\n'),
  );
  const [web] = servicesFromFile(path, { ...CONTEXT, log: (level, message) => warnings.push(`${level}: ${message}`) });
  t.deepEqual(web!.argv, ['sh', '-c', 'exec serve --port $PORT --by init value']);
  t.deepEqual(web!.launch.environment.map(String), ['PORT=8080', 'WHO=']);
  t.deepEqual(web!.healthcheck?.argv, ['/bin/sh', '-c', 'check $PORT']);
  t.is(web!.healthcheck?.retries, 2);
  t.is(web!.stopSignal, SIGQUIT);
  t.deepEqual(warnings, [`warn: ${path}: service web: key environment.WHO: the variable NOPE is not set: it stands for an empty string`]);
});

test("profiles, as Compose has them: a service with profiles starts only when COMPOSE_PROFILES names one of them (or is *); those left out are said at info level", (t) => {
  const text = [
    'services:',
    '  web: {command: web}',
    '  debug: {command: debug, profiles: [debug]}',
    '  tools: {command: tools, profiles: [tools, debug], depends_on: [web]}',
    '  probe: {command: probe, profiles: [debug], depends_on: {debug: {condition: service_started}}}',
  ].join('\n');
  const path = file(text);
  const started = (profiles: string | undefined) => {
    const said: string[] = [];
    const variable = lookupIn(profiles === undefined ? {} : { COMPOSE_PROFILES: profiles });
    const services = servicesFromFile(path, { ...CONTEXT, variable, log: (level, message) => said.push(`${level}: ${message.replace(path, 'F')}`) });
    return { names: services.map((service) => service.name), said, services };
  };
  const none = started(undefined);
  t.deepEqual(none.names, ['web']);
  t.deepEqual(none.said, [
    'info: F: service debug: not started: it runs with the profile debug, which COMPOSE_PROFILES does not name',
    'info: F: service tools: not started: it runs with the profiles tools, debug, which COMPOSE_PROFILES does not name',
    'info: F: service probe: not started: it runs with the profile debug, which COMPOSE_PROFILES does not name',
  ]);
  t.deepEqual(started('tools').names, ['web', 'tools']);
  t.deepEqual(started(' debug , other').names, ['web', 'debug', 'tools', 'probe']);
  const all = started('*');
  t.deepEqual(all.names, ['web', 'debug', 'tools', 'probe']);
  t.deepEqual(all.services[3]!.dependsOn, [{ service: 1, condition: 'service_started' }], 'indices among the services that start');
  t.deepEqual(started('').names, ['web']);
});

test('a service that starts may not need one its profile leaves out, unless required: false; a file read whole, left-out services too', (t) => {
  const needs = (required: string) => `services:\n  web: {command: web, depends_on: {cache: {condition: service_started${required}}}}\n  other: {command: other}\n  cache: {command: cache, profiles: [cache]}\n`;
  t.is(refused(needs('')), 'F: service web: key depends_on: cache is not started: it runs with the profile cache, which COMPOSE_PROFILES does not name (or make the dependency required: false)');
  const optional = read(needs(', required: false'));
  t.deepEqual(optional.map(({ name, dependsOn }) => [name, dependsOn]), [['other', []], ['web', []]], 'web starts without its cache');
  const withCache = servicesFromFile(file(needs('')), { ...CONTEXT, variable: lookupIn({ COMPOSE_PROFILES: 'cache' }) });
  t.deepEqual(withCache.map(({ name, dependsOn }) => [name, dependsOn]), [['other', []], ['cache', []], ['web', [{ service: 1, condition: 'service_started' }]]]);
  t.is(refused('services:\n  a: {command: a}\n  b: {command: b, profiles: [x], restart: sometimes}\n'), 'F: service b: key restart: "sometimes" is none of "no", always, unless-stopped, on-failure[:N]');
});

test("scale (or deploy.replicas): N copies named NAME-1 ... NAME-N, side by side in the start order, each a dependency of what needs the service; 0 starts none", (t) => {
  const said: string[] = [];
  const path = file(
    [
      'services:',
      '  web: {command: web, depends_on: {worker: {condition: service_started}}}',
      '  worker: {command: ["work", "${QUEUE:-jobs}"], scale: 3}',
      '  mailer: {command: mail, deploy: {replicas: "${MAILERS:-2}"}}',
      '  one: {command: one, scale: 1}',
      '  off: {command: off, scale: 0}',
    ].join('\n'),
  );
  const services = servicesFromFile(path, { ...CONTEXT, log: (level, message) => said.push(`${level}: ${message.replace(path, 'F')}`) });
  t.deepEqual(
    services.map(({ name, replicaOf, argv }) => [name, replicaOf, argv.join(' ')]),
    [
      ['worker-1', 'worker', 'work jobs'],
      ['worker-2', 'worker', 'work jobs'],
      ['worker-3', 'worker', 'work jobs'],
      ['mailer-1', 'mailer', 'mail'],
      ['mailer-2', 'mailer', 'mail'],
      ['one', undefined, 'one'],
      ['web', undefined, 'web'],
    ],
  );
  t.deepEqual(services[6]!.dependsOn, [0, 1, 2].map((service) => ({ service, condition: 'service_started' })), 'web waits for every copy');
  t.deepEqual(said, ['info: F: service off: not started: its scale is 0']);
  t.is(refused('services:\n  web: {command: web, depends_on: [off]}\n  off: {command: off, scale: 0}\n'), 'F: service web: key depends_on: off is not started: its scale is 0 (or make the dependency required: false)');
});

test("a .env file beside the services file, as Compose's project .env: its variables stand in the file and name profiles, under the container's own; never added to a service's environment", (t) => {
  const dir = tmp('dci-services-');
  writeFileSync(join(dir, '.env'), 'TAG=v1\nPORT=1\nCOMPOSE_PROFILES=debug\nURL=http://${HOST:-localhost}:$PORT\nEMPTY=$NOPE\n');
  writeFileSync(join(dir, 'services.yaml'), 'services:\n  app:\n    command: ["app", "${TAG}", "${PORT}", "${URL}"]\n    environment: [TAG]\n  debug:\n    command: debug\n    profiles: [debug]\n');
  const said: string[] = [];
  const services = servicesFromFile(join(dir, 'services.yaml'), { ...CONTEXT, variable: lookupIn({ PORT: '2' }), log: (level, message) => said.push(`${level}: ${message}`) });
  t.deepEqual(services.map((service) => service.name), ['app', 'debug'], 'COMPOSE_PROFILES from .env');
  t.deepEqual(services[0]!.argv, ['app', 'v1', '2', 'http://localhost:1'], "the container's PORT over the .env file's; the file's own lines in it as written above");
  t.deepEqual(services[0]!.launch.environment.map(String), ['TAG=v1'], 'a name alone takes it too; nothing else of .env is added');
  t.deepEqual(services[1]!.launch.environment.map(String), []);
  t.deepEqual(said, [`warn: ${join(dir, '.env')}: the variable NOPE is not set: it stands for an empty string`]);
  writeFileSync(join(dir, '.env'), 'TAG=v1\nnot a line\n');
  t.throws(() => servicesFromFile(join(dir, 'services.yaml'), CONTEXT), { message: `${join(dir, '.env')}: line 2: "not a line" is no VAR=value` });
});

test("depends_on's restart: true (Compose's) is kept with the dependency; required and restart are booleans", (t) => {
  const [db, web] = read('services:\n  db: {command: db}\n  web: {command: web, depends_on: {db: {condition: service_started, restart: "${RESTART:-true}"}}}\n');
  t.is(db!.name, 'db');
  t.deepEqual(web!.dependsOn, [{ service: 0, condition: 'service_started', restart: true }]);
  t.is(refused('services:\n  db: {command: db}\n  web: {command: web, depends_on: {db: {restart: 1}}}\n'), 'F: service web: key depends_on: db: restart is neither true nor false');
});

test("post_start and pre_stop (Compose's lifecycle hooks): each hook's command, as the service's user, in its folder and environment unless the hook gives its own", (t) => {
  const text = [
    'services:',
    '  app:',
    '    command: app',
    '    user: root',
    '    working_dir: /srv',
    '    environment: {A: service, B: service}',
    '    post_start:',
    '      - command: register --name app',
    '      - command: ["chown", "-R", "1001", "/data"]',
    '        working_dir: /data',
    '        environment: [B=hook, FROM_INIT]',
    '        privileged: false',
    '    pre_stop:',
    '      - {command: drain}',
    '  plain: {command: plain}',
  ].join('\n');
  const [app, plain] = read(text);
  const shown = (hook: Hook) => [hook.argv, hook.launch.environment.map(String), hook.launch.directory?.toString(), hook.launch.user?.uid];
  t.deepEqual(app!.hooks?.postStart.map(shown), [
    [['register', '--name', 'app'], ['A=service', 'B=service', 'HOME=/root'], '/srv', 0],
    [['chown', '-R', '1001', '/data'], ['A=service', 'HOME=/root', 'B=hook', 'FROM_INIT=init value'], '/data', 0],
  ]);
  t.deepEqual(app!.hooks?.preStop.map(shown), [[['drain'], ['A=service', 'B=service', 'HOME=/root'], '/srv', 0]]);
  t.is(plain!.hooks, undefined, 'none: no hooks at all');
});

for (const [text, message] of [
  ['services:\n  web:\n    image: nginx\n    command: x\n', 'F: service web: key image: configures the container itself, which the init runs inside of: it cannot apply to a service of the init'],
  ['services:\n  web:\n    comand: x\n', 'F: service web: key comand: is no key of a Compose service'],
  ['services:\n  web:\n    restart: always\n', 'F: service web: key command: is missing: a service of the init needs a command to run'],
  ['services:\n  web:\n    command: x\n    command: y\n', 'F: line 4: the key command comes twice in one map'],
  ['services:\n  a:\n    command: x\n    depends_on: [b]\n  b:\n    command: y\n    depends_on: [a]\n', 'F: key depends_on: the services wait for each other in a circle: a → b → a'],
  ['services:\n  a:\n    command: x\n    depends_on: [nope]\n', 'F: service a: key depends_on: nope is no service of this file'],
  ['services:\n  a:\n    command: x\n    restart: sometimes\n', 'F: service a: key restart: "sometimes" is none of "no", always, unless-stopped, on-failure[:N]'],
  ['services:\n  a:\n    command: x\n    stop_signal: SIGNOPE\n', 'F: service a: key stop_signal: "SIGNOPE" is no signal'],
  ['services:\n  a:\n    command: x\n    stop_grace_period: soon\n', 'F: service a: key stop_grace_period: "soon" is no duration (10s, 1m30s, 500ms)'],
  ['services:\n  a:\n    command: x\n    user: nobody-here\n', 'F: service a: key user: no user "nobody-here" in /etc/passwd'],
  ['services:\n  a:\n    command: x\n    healthcheck: {test: ["RUN", "x"]}\n', 'F: service a: key healthcheck.test: is neither ["CMD", ...], ["CMD-SHELL", "..."], "NONE" nor a string'],
  ['services:\n  a:\n    command: x\n    healthcheck: {test: x, retries: 0}\n', 'F: service a: key healthcheck.retries: is not a whole number of at least 1'],
  ['services:\n  a:\n    command: x\n    depends_on: {b: {condition: service_healthy}}\n  b:\n    command: y\n', 'F: service a: key depends_on: b: condition service_healthy, but b has no healthcheck'],
  ['services:\n  a:\n    command: x\n    depends_on: {b: {condition: started}}\n  b:\n    command: y\n', 'F: service a: key depends_on: b: condition "started" is none of service_started, service_healthy, service_completed_successfully'],
  ['services:\n  a:\n    command: x\n    x-docker-container-init: {colour: red}\n', 'F: service a: key x-docker-container-init.colour: is none of the init\'s keys (output)'],
  ['services:\n  a:\n    command: x\n    env_file: none.env\n', 'F: service a: key env_file: '],
  ['services:\n  a:\n    command: x\n    env_file: [{path: a.env, fromat: raw}]\n', 'F: service a: key env_file: a.env: fromat is not supported (path, required, format)'],
  ['services:\n  a:\n    command: x\n    env_file: [{path: a.env, format: yaml}]\n', 'F: service a: key env_file: a.env: format "yaml" is not raw'],
  ['networks: {}\nservices:\n  a:\n    command: x\n', 'F: key networks: configures the container itself, which the init runs inside of: it cannot apply'],
  ['servics:\n  a:\n    command: x\n', 'F: key servics: is no top-level key of a Compose file'],
  ['services: {}\n', 'F: key services: is missing or empty: a map of service names to services'],
  ['services:\n  a: [x]\n', 'F: service a: is not a map of keys'],
  ['- a\n- b\n', 'F: is not a map with a services key'],
  ['services:\n  a: {command: x\n', 'F: line 3: '],
  ['services:\n  a:\n    command: x\n    profiles: debug\n', 'F: service a: key profiles: is not a list of profile names'],
  ['services:\n  a:\n    command: x\n    post_start: {command: y}\n', 'F: service a: key post_start: is not a list of hooks'],
  ['services:\n  a:\n    command: x\n    pre_stop: [{user: root}]\n', 'F: service a: key pre_stop[0].command: is missing, or neither a string nor a list of strings'],
  ['services:\n  a:\n    command: x\n    post_start: [{command: y, privileged: true}]\n', 'F: service a: key post_start[0].privileged: cannot apply'],
  ['services:\n  a:\n    command: x\n    post_start: [{command: y, timeout: 3}]\n', 'F: service a: key post_start[0]: timeout is not supported (command, user, working_dir, environment)'],
  ['services:\n  a:\n    command: x\n    scale: -1\n', 'F: service a: key scale: -1 is not a whole number of 0 or more'],
  ['services:\n  a:\n    command: x\n    scale: 2\n    deploy: {replicas: 3}\n', 'F: service a: key scale: 2 and deploy.replicas 3 differ'],
  ['services:\n  a:\n    command: x\n    deploy: {replicas: 2, resources: {limits: {cpus: "0.5"}}}\n', 'F: service a: key deploy.resources: configures the container itself, which the init runs inside of: only deploy.replicas applies'],
  ['services:\n  a:\n    command: x\n    deploy: {replicas: two}\n', 'F: service a: key deploy.replicas: "two" is no whole number'],
  ['services:\n  a:\n    command: x\n    scale: 2\n  a-2:\n    command: y\n', 'F: service a: key scale: its copies are named a-1 and on, and a-2 is a service of this file too'],
  ['services:\n  a:\n    command: x\n    profiles: ["-x"]\n', 'F: service a: key profiles: "-x" is no profile name (letters, digits, _ . -)'],
  ['services:\n  a:\n    command: x\n    environment: {DB_URL: "${DB_URL:?give the database}"}\n', 'F: service a: key environment.DB_URL: the variable DB_URL is not set: give the database'],
  ['services:\n  a:\n    command: ["x", "${HOST/a/b}"]\n', 'F: service a: key command: ${HOST/a/b} is no form Compose knows'],
  ['x-a: ${NOPE?}\nservices:\n  a:\n    command: x\n', 'F: key x-a: the variable NOPE is not set'],
  ['services:\n  a:\n    command: x\n    healthcheck: {test: x, retries: "${FROM_INIT}"}\n', 'F: service a: key healthcheck.retries: "init value" is no whole number'],
] as const) {
  test(`refused in one line: ${message.slice(3, 70)}`, (t) => {
    const said = refused(text);
    t.true(said.startsWith(message), said);
    t.false(said.includes('\n'));
  });
}

test("a service with a user gets that user's HOME from /etc/passwd, as Docker and gosu give it, unless its environment sets one", (t) => {
  const [plain, user, own] = read('services:\n  plain: {command: a}\n  user: {command: b, user: root}\n  own: {command: c, user: root, environment: [HOME=/srv]}\n');
  t.deepEqual(plain!.launch.environment.map(String), []);
  t.deepEqual(user!.launch.environment.map(String), ['HOME=/root']);
  t.deepEqual(own!.launch.environment.map(String), ['HOME=/srv']);
});

test('changing the user needs root: one line naming the service and the key', (t) => {
  const path = file('services:\n  a:\n    command: x\n    user: root\n');
  t.throws(() => servicesFromFile(path, { ...CONTEXT, euid: 1000 }), { message: `${path}: service a: key user: changing the user needs root, and the init runs as uid 1000` });
});

test('a file past 1 MiB, a FIFO, a device and a folder are refused before they are read', (t) => {
  t.throws(() => servicesFromFile(file(`services:\n  a: {command: x}\n#${'x'.repeat(1024 * 1024)}\n`), CONTEXT), { message: /: is larger than 1024 KiB$/ });
  t.throws(() => servicesFromFile('/dev/zero', CONTEXT), { message: '/dev/zero: is not a regular file (a FIFO or a device): a services file must be one' });
  const folder = tmp('dci-services-');
  t.throws(() => servicesFromFile(folder, CONTEXT), { message: `${folder}: is a folder, not a file` });
  t.throws(() => servicesFromFile('/no/such.yaml', CONTEXT), { message: '/no/such.yaml: no such file' });
});

test('aliases that would expand without end are refused, not expanded', (t) => {
  let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
  for (let level = 0; level < 6; level++) text += `l${level}: &l${level} [${Array(10).fill(level === 0 ? '*a' : `*l${level - 1}`).join(', ')}]\n`;
  text += 'services: {a: {command: x}}\n';
  t.throws(() => read(text), { message: /its aliases expand to more than 1000 copies/ });
});
