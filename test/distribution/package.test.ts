// The npm package: the tarball holds only what runs, and installed into an
// empty prefix it gives a working command, as PID 1 too.
import test from 'ava';
import { tmp } from '../support/files.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanEnv, runInit } from '../support/init.js';
import { ROOT } from '../support/paths.js';

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

// The checkout's dist/ is built already (npm test's pretest): no prepack here, which
// would rebuild it under the feet of the tests running beside this one.
const pack = (args: string[]): PackResult =>
  (JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as PackResult[])[0]!;

test('the tarball holds only what runs: the CLI and its bundle, the library and its types, README, LICENSE', (t) => {
  t.deepEqual(pack(['--dry-run']).files.map((f) => f.path).sort(), [
    'LICENSE',
    'README.md',
    'dist/docker-container-init',
    'dist/init.cjs',
    'dist/lib/index.d.ts',
    'dist/lib/index.js',
    'dist/lib/package.json',
    'dist/lib/register.d.ts',
    'dist/lib/register.js',
    'dist/package.json',
    'dist/services-from-file.cjs',
    'dist/supervisor.cjs',
    'dist/winston.cjs',
    'dist/yaml.cjs',
    'package.json',
  ]);
});

test('the package depends on koffi alone: everything else is inside the bundle', (t) => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  t.deepEqual(Object.keys(manifest.dependencies), ['koffi']);
});

test.serial('npm pack in a fresh copy of the sources builds first, and what it packs names no path of this machine', (t) => {
  // The files git knows, as a fresh clone has them (this checkout's node_modules lent, not its dist/).
  const fresh = tmp();
  for (const file of execFileSync('git', ['ls-files'], { cwd: ROOT }).toString().split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(fresh, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(fresh, file));
    chmodSync(join(fresh, file), statSync(join(ROOT, file)).mode);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(fresh, 'node_modules'));
  const out = tmp();
  const packed = (JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: fresh, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as PackResult[])[0]!;
  t.true(packed.files.some((f) => f.path === 'dist/docker-container-init'), 'prepack built the bundle');
  execFileSync('tar', ['xzf', join(out, packed.filename), '-C', out]);
  for (const file of ['dist/docker-container-init', 'dist/init.cjs', 'dist/lib/index.js', 'dist/lib/register.js']) {
    const text = readFileSync(join(out, 'package', file), 'utf8');
    t.false(text.includes(fresh) || text.includes(ROOT), `${file} names no build path`);
  }
});

/** The package from the tarball, installed into an empty prefix (once for the tests that need it). */
let installation: { work: string; prefix: string } | undefined;
function install(): { work: string; prefix: string } {
  if (installation) return installation;
  const work = tmp();
  const { filename } = pack(['--pack-destination', work]);
  const prefix = join(work, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(work, filename)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (installation = { work, prefix });
}

/** The installed package with no code cache and no kept value yet: its cache folder, its command, and a folder to work in. */
function withoutCaches(): { work: string; cache: string; installed: string } {
  const { prefix, work } = install();
  const cache = join(prefix, 'lib/node_modules/docker-container-init/dist/.code-cache');
  rmSync(cache, { recursive: true, force: true });
  return { work, cache, installed: join(prefix, 'bin/docker-container-init') };
}

test.serial('installed from the tarball into an empty prefix: -h works, and it runs as PID 1', async (t) => {
  const { work, prefix } = install();
  t.deepEqual(readdirSync(join(prefix, 'bin')), ['docker-container-init']);
  const installed = join(prefix, 'bin/docker-container-init');
  // With this checkout's node_modules hidden, so that only the installed package can serve.
  const only = (args: string) => `mount -t tmpfs none ${ROOT}/node_modules; exec ${installed} ${args}`;
  const help = await runInit([], { viaShell: only('-h') });
  t.is(help.code, 0, help.stderr);
  t.regex(help.stdout, /^docker-container-init built on /);
  const run = await runInit([], { viaShell: only(`-v sh -c 'sleep 0.2 & exit 3'`) });
  t.is(run.code, 3, run.stderr);
  t.regex(run.stderr, /sent SIGTERM to 1 process\n/);

  // The library, through the package's exports, from a project that depends on it.
  const project = join(work, 'project');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(join(prefix, 'lib/node_modules/docker-container-init'), join(project, 'node_modules/docker-container-init'));
  const hidden = `mount -t tmpfs none ${ROOT}/node_modules; cd ${project}; exec node`;
  const imported = await runInit([], {
    viaShell: `${hidden} --input-type=module -e "import { becomeInit } from 'docker-container-init'; console.log(typeof becomeInit(), becomeInit().reaped)"`,
  });
  t.is(imported.stdout, 'object 0\n', imported.stderr);
  const registered = await runInit([], {
    viaShell: `${hidden} --import docker-container-init/register -e "process.kill(process.pid, 'SIGTERM'); setInterval(() => {}, 1 << 30)"`,
  });
  t.is(registered.code, 143, registered.stderr);

  // The shipped types, as a TypeScript project that uses the package sees them.
  writeFileSync(
    join(project, 'app.ts'),
    "import { becomeInit, type ReapedProcess } from 'docker-container-init';\n" +
      'const init = becomeInit({ onReaped: (p: ReapedProcess) => console.log(p.pid, p.code, p.signal) });\n' +
      'const reaped: number = init.reaped;\ninit.stop();\nexport { reaped };\n',
  );
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', noEmit: true, types: [] }, files: ['app.ts'] }),
  );
  const typecheck = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', project]);
  t.is(typecheck.status, 0, typecheck.stdout.toString());
});

test.serial("V8's code cache for the bundle: made by the first run that may write it and runs a command, and a read-only package is no error", async (t) => {
  const { prefix } = install();
  const dist = join(prefix, 'lib/node_modules/docker-container-init/dist');
  const cache = join(dist, '.code-cache');
  const cached = (): string[] => (existsSync(cache) ? readdirSync(cache) : []);
  rmSync(cache, { recursive: true, force: true });
  const installed = join(prefix, 'bin/docker-container-init');
  const readOnly = `mount --bind ${dist} ${dist} && mount -o remount,ro,bind ${dist} && exec ${installed}`;
  const withoutCache = await runInit([], { viaShell: `${readOnly} -- sh -c 'exit 3'` });
  t.is(withoutCache.code, 3);
  t.is(withoutCache.stderr, '', 'nothing said of the cache that could not be written');
  t.deepEqual(cached(), []);

  // --version compiles too little to be worth keeping.
  t.is((await runInit([], { viaShell: `exec ${installed} --version` })).code, 0);
  t.deepEqual(cached(), [], 'no cache from a run of --version');

  const first = await runInit([], { viaShell: `exec ${installed} -- sh -c 'exit 3'` });
  t.is(first.code, 3);
  t.is(first.stderr, '');
  // One for the bundle and one for the supervisor, which compiles once the command has started, for this build and this Node.js.
  const [bundle, supervisor] = cached().sort((a, b) => a.length - b.length);
  t.is(cached().length, 2, cached().join(', '));
  t.regex(bundle!, new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}$`));
  t.is(supervisor, bundle!.replace('-', '-supervisor-'));

  const withCache = await runInit([], { viaShell: `${readOnly} -vv -- sh -c 'exit 3'` });
  t.is(withCache.code, 3);
  t.regex(withCache.stderr, /\[DEBUG\]\[docker-container-init\] compiled from V8's code cache\n/);
  t.regex(withCache.stderr, /\[DEBUG\]\[docker-container-init\] supervisor: compiled from V8's code cache\n/);
  t.regex(withCache.stderr, /shutting down: the command \(pid \d+\) exited with status 3\n/);

  // A cache that is not V8's (damaged, or of another build of V8 under the same name) is rejected, never run, and made anew.
  writeFileSync(join(cache, bundle!), Buffer.alloc(150_000, 0x5a));
  const damaged = await runInit([], { viaShell: `exec ${installed} -vv -- sh -c 'exit 3'` });
  t.is(damaged.code, 3);
  t.regex(damaged.stderr, /\[DEBUG\]\[docker-container-init\] V8 rejected its code cache/);
  const again = await runInit([], { viaShell: `exec ${installed} -vv -- true` });
  t.regex(again.stderr, /compiled from V8's code cache\n/);
  t.deepEqual(cached().length, 2, 'no partial file left beside them');
});

test.serial("yaml's and the services file reader's code caches: made by the first run that reads a services file, beside the bundle's; the next run compiles both from them", async (t) => {
  const { work, cache, installed } = withoutCaches();
  const services = join(work, 'one-service.yaml');
  writeFileSync(services, 'services:\n  once:\n    command: ["true"]\n    restart: "no"\n');
  const first = await runInit([], { viaShell: `exec ${installed} -vv --services ${services} -- true` });
  t.is(first.code, 0, first.stderr);
  t.regex(first.stderr, /\[DEBUG\]\[docker-container-init\] yaml: no code cache yet/);
  t.regex(first.stderr, /\[DEBUG\]\[docker-container-init\] services-from-file: no code cache yet/);
  const files = readdirSync(cache).sort();
  // The bundle's, the supervisor's, yaml's, the reader's, and the file's value.
  t.is(files.length, 5, files.join(', '));
  t.regex(files.find((file) => file.includes('-yaml-')) ?? '', new RegExp(`^[0-9a-f]{16}-yaml-${process.version.replace(/\./g, '\\.')}-${process.arch}$`));
  // Another text, so that it is parsed again (the value of this one is kept: see below).
  writeFileSync(services, '# changed\nservices:\n  once:\n    command: ["true"]\n    restart: "no"\n');
  const second = await runInit([], { viaShell: `exec ${installed} -vv --services ${services} -- true` });
  t.is(second.code, 0, second.stderr);
  t.regex(second.stderr, /\[DEBUG\]\[docker-container-init\] yaml: compiled from V8's code cache\n/);
  t.regex(second.stderr, /\[DEBUG\]\[docker-container-init\] services-from-file: compiled from V8's code cache\n/);
  // A run without a services file never compiles yaml or the reader, and says nothing of them.
  const plain = await runInit([], { viaShell: `exec ${installed} -vv -- true` });
  t.notRegex(plain.stderr, /yaml|services-from-file/);
});

test.serial("a services file's value is kept: the next start with the same text takes it, without loading yaml; another text is parsed again; a value JSON cannot hold exactly is never kept", async (t) => {
  const { work, cache, installed } = withoutCaches();
  const services = join(work, 'kept.yaml');
  // The service's exit ends the container (restart: "no"), after its line: a
  // main command that ended first would stop it, perhaps before it wrote.
  const start = (env: Record<string, string> = {}) => runInit([], { viaShell: `exec ${installed} -vv --services ${services} -- sleep 10`, env });
  writeFileSync(services, 'services:\n  once:\n    command: ["sh", "-c", "echo ran${WHO:+ for $WHO}"]\n    restart: "no"\n');
  const first = await start();
  t.is(first.code, 0, first.stderr);
  t.regex(first.stderr, /the services file: parsed; its value is kept for the next start/);
  t.true(readdirSync(cache).some((file) => file.includes('-services-file-')), readdirSync(cache).join(', '));

  t.regex(first.stdout, /^once \| ran$/m);

  // Kept is the value before interpolation: another environment, another command.
  const second = await start({ WHO: 'the second start' });
  t.is(second.code, 0, second.stderr);
  t.regex(second.stderr, /the services file: the same text as at an earlier start, whose value was kept: not parsed again/);
  t.notRegex(second.stderr, /yaml/, 'yaml was not even loaded');
  t.regex(second.stdout, /^once \| ran for the second start$/m, 'the service ran as the file says, in this environment');

  writeFileSync(services, 'services:\n  twice:\n    command: ["sh", "-c", "echo ran again"]\n    restart: "no"\n');
  const changed = await start();
  t.regex(changed.stderr, /the services file: parsed; its value is kept/);
  t.regex(changed.stdout, /^twice \| ran again$/m);

  // .nan is a number JSON has no way to write: such a value is parsed at every start.
  writeFileSync(services, 'x-odd: .nan\nservices:\n  once:\n    command: ["true"]\n    restart: "no"\n');
  for (const _ of [1, 2]) t.regex((await start()).stderr, /the services file: parsed; its value is not kept \(JSON cannot hold it exactly\)/);
});

test.serial("--check keeps what a start would (yaml's and the reader's code caches, the services file's value), never the bundle's own code cache; the next start takes them", async (t) => {
  const { work, cache, installed } = withoutCaches();
  const services = join(work, 'checked.yaml');
  writeFileSync(services, 'services:\n  web:\n    command: ["sh", "-c", "echo checked ran"]\n    restart: "no"\n');
  // As a Dockerfile's RUN does it: not as PID 1, and nothing else needed.
  const check = spawnSync(installed, ['--check', '--services', services], { encoding: 'utf8', env: cleanEnv() });
  t.is(check.status, 0, check.stderr);
  t.is(check.stdout, `--check: ${services} holds 1 service, which would start in this order: web; nothing started\n`);
  const kept = readdirSync(cache).sort();
  t.true(kept.some((file) => file.includes('-services-file-')), kept.join(', '));
  t.true(kept.some((file) => file.includes('-yaml-')), kept.join(', '));
  t.true(kept.some((file) => file.includes('-services-from-file-')), kept.join(', '));
  t.is(kept.length, 3, `only those three, not the bundle's own: ${kept.join(', ')}`);

  // The service's exit ends the container, after its line (restart: "no").
  const start = await runInit([], { viaShell: `exec ${installed} -vv --services ${services} -- sleep 10` });
  t.is(start.code, 0, start.stderr);
  t.regex(start.stderr, /the services file: the same text as at an earlier start, whose value was kept: not parsed again/);
  t.regex(start.stderr, /\[DEBUG\]\[docker-container-init\] services-from-file: compiled from V8's code cache\n/);
  t.regex(start.stderr, /\[DEBUG\]\[docker-container-init\] no code cache yet/, "the bundle's own cache is the first start's to make");
  t.regex(start.stdout, /^web \| checked ran$/m);
});
