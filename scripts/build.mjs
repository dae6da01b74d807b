// The bundler step of build.sh (esbuild's JavaScript API). Produces:
//  - the bundle: our code and rxjs (its ES2015 build, so that unused operators
//    are dropped), with koffi left outside (it carries a native addon);
//  - the supervisor and the services file's reader, each a script of its own
//    beside it (bundle/apart.mjs);
//  - winston's and yaml's sources, compiled at run time only by the runs that
//    need them (bundle/sources.mjs, src/boot/compile-embedded.ts): files beside
//    the npm package's bundle, assets of the single executable, or strings
//    inside a bundle built alone.
// With --sea: one single executable application (Node's SEA) instead, see buildSea().
// With --library: also the library (dist/lib/), see buildLibrary().
// Usage: node scripts/build.mjs [--sea | --library] OUTPUT VERSION BUILD_DATE
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedVendored, sourceOf, vendoredSources, writeSources } from './bundle/sources.mjs';
import { bundleWithApart } from './bundle/apart.mjs';

const mode = process.argv[2]?.startsWith('--') ? process.argv[2] : undefined;
// The node binary a single executable is made from: this one, or SEA_NODE (another
// architecture's, run under emulation: scripts/arm64/), with its koffi addon
// from SEA_KOFFI (default: this tree's, for that architecture).
const seaNode = process.env.SEA_NODE ?? process.execPath;
const sea = mode === '--sea';
const [output, version, buildDate] = process.argv.slice(mode ? 3 : 2);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// MINIFY=0 keeps names readable, for profiling.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: process.env.MINIFY !== '0', legalComments: 'none', logLevel: 'warning' };

// dist/docker-container-init is a shell script and a small CommonJS program at
// once: its first lines (src/launcher/npm-launcher.sh) set the app's NODE_*
// settings aside and exec node on the same file, which skips them as a
// comment and runs src/launcher/npm-launcher.ts: the init's bundle,
// dist/init.cjs beside it, from V8's code cache (see there).
// An OUTPUT_FILENAME build is the bundle alone, in one file (no code cache).
const nodeSettings = JSON.parse(readFileSync(join(root, 'src/boot/node-settings.json'), 'utf8'));
const launcher = readFileSync(join(root, 'src/launcher/npm-launcher.sh'), 'utf8')
  .replaceAll('@NODE_SETTINGS@', nodeSettings.variables.join(' '))
  .replaceAll('@KEPT_PREFIX@', nodeSettings.keptPrefix);
if (launcher.includes('*/')) throw new Error('src/launcher/npm-launcher.sh must not contain "*/": it sits in a JavaScript comment');
const launcherHeader = `#!/bin/sh
':' /*
${launcher}*/`;
// The bundle finds its own path, for require (koffi) and import.meta.filename
// and dirname (a path, never a URL: making one took 0.15 ms of every start): as a
// module of its own (dist/init.cjs) from __filename, alone (OUTPUT_FILENAME)
// from the script node was given. Copied into a folder whose package.json says
// "type": "module", it works as an ES module as well.
const moduleHeader = `var __bundleFile = __filename, __bundleDir = __dirname;`;
const aloneHeader = `${launcherHeader}
var __bundleFile = process.getBuiltinModule("node:fs").realpathSync.native(process.argv[1]),
  require = process.getBuiltinModule("node:module").createRequire(__bundleFile),
  __bundleDir = process.getBuiltinModule("node:path").dirname(__bundleFile);`;

// Inside a single executable the script is the executable itself, and the
// require Node provides loads built-in modules only (all else is bundled).
const seaHeader = `var __bundleFile = process.execPath, __bundleDir = require("node:path").dirname(process.execPath);`;

const vendored = await vendoredSources(common, root);

// In the single executable, koffi comes with it: src/syscalls/koffi.ts (that
// one file, whoever imports it) gives way to src/syscalls/koffi-sea.cts, whose
// addon is an asset of the executable. Both say so.
const KOFFI = join(root, 'src/syscalls/koffi.ts');
const seaKoffi = {
  name: 'sea-koffi',
  setup(b) {
    b.onResolve({ filter: /koffi\.js$/ }, (args) =>
      join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === KOFFI ? { path: join(root, 'src/syscalls/koffi-sea.cts') } : undefined,
    );
  },
};

/** The bundle (`outfile`) and the scripts apart from it (bundle/apart.mjs), whose sources go `where` (see bundle/sources.mjs); returns their texts, by name. */
async function bundleCli(outfile, header, where) {
  const options = (plugins) => ({
    ...common,
    external: sea ? [] : ['koffi'],
    alias: { rxjs: join(root, 'node_modules/rxjs/dist/esm/index.js') },
    plugins: sea ? [...plugins, seaKoffi] : plugins,
    define: {
      'import.meta.filename': '__bundleFile',
      'import.meta.dirname': '__bundleDir',
      __VERSION__: JSON.stringify(version),
      __BUILD_DATE__: JSON.stringify(buildDate),
      __SEA__: JSON.stringify(sea),
      // Only a bundle written elsewhere (OUTPUT_FILENAME) may look for koffi in this
      // tree: the packaged one names no path of the machine that built it.
      ...(sea || mode === '--library' ? {} : { __KOFFI_FALLBACK__: JSON.stringify(join(root, 'package.json')) }),
    },
  });
  return bundleWithApart({
    root,
    cli: join(root, 'src/cli.ts'),
    outfile,
    options: (plugins) => options([embedVendored(vendored, where, root), ...plugins]),
    apartOptions: (plugins) => options([embedVendored(vendored, where, root), ...plugins]),
    header,
    apartHeader: moduleHeader,
    apartSource: (name, text) => sourceOf(where, name, text),
  });
}

/** What names the files a launcher keeps for a build (code caches, a services file's value): one of another build is never read. */
const bundleId = (files) => JSON.stringify(files.reduce((hash, file) => hash.update(readFileSync(file)), createHash('sha256')).digest('hex').slice(0, 16));

/**
 * The single executable: a copy of this node binary (postject) whose main
 * script, src/launcher/sea-main.ts, runs the bundle, an asset, from V8's code cache,
 * another asset; koffi's native addon is one more. The cache is made by a first
 * executable, run once here, that writes it when its start-up is over; yaml's
 * and the services file reader's, by a second one, which has the bundle's
 * cache and reads a services file.
 */
async function buildSea() {
  const work = join(root, 'dist/sea-work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const bundle = join(work, 'init.cjs');
  const apart = await bundleCli(bundle, seaHeader, 'assets');
  const sources = writeSources(work, { ...vendored, ...apart });
  const main = join(work, 'main.cjs');
  await build({ ...common, entryPoints: [join(root, 'src/launcher/sea-main.ts')], outfile: main, plugins: [builtinsFromProcess], define: { __BUNDLE_ID__: bundleId([bundle, ...Object.values(sources)]) } });
  const arch = execFileSync(seaNode, ['-p', 'process.arch'], { encoding: 'utf8' }).trim();
  const koffiAddon = process.env.SEA_KOFFI ?? join(root, `node_modules/@koromix/koffi-linux-${arch}/linux_${arch}/koffi.node`);
  const assets = { 'koffi.node': koffiAddon, 'init.cjs': bundle, ...Object.fromEntries(Object.entries(sources).map(([name, file]) => [`${name}.cjs`, file])) };

  const cache = join(work, 'init.code-cache');
  const destination = join(work, 'code-cache-destination');
  writeFileSync(destination, cache);
  const first = join(work, 'docker-container-init');
  makeExecutable(first, { ...assets, 'code-cache-destination': destination });
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  execFileSync(first, ['-D', '--', 'true'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  // With the bundle's cache, a run that reads a services file: yaml's cache and
  // the services file reader's (files of their own, beside it).
  // (The first run wrote the supervisor's cache too, beside it.)
  makeExecutable(first, { ...assets, 'init.code-cache': cache, 'supervisor.code-cache': `${cache}.supervisor`, 'code-cache-destination': destination });
  const services = join(work, 'services.yaml');
  writeFileSync(services, 'services:\n  once:\n    command: ["true"]\n    restart: "no"\n');
  execFileSync(first, ['-D', '--services', services, '--', 'true'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  rmSync(first);
  const servicesCaches = { 'yaml.code-cache': `${cache}.yaml`, 'services-from-file.code-cache': `${cache}.services-from-file` };
  makeExecutable(output, { ...assets, 'init.code-cache': cache, 'supervisor.code-cache': `${cache}.supervisor`, ...servicesCaches });
}

/**
 * The single executable's main script takes Node's modules from
 * process.getBuiltinModule, not require: Node 26 traces every require of one
 * when NODE_DEBUG=module is set, and the main script runs before the init can
 * start itself over without the app's NODE_DEBUG (src/boot/sea-restart.ts).
 */
const builtinsFromProcess = {
  name: 'builtins-from-process',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

function makeExecutable(file, assets) {
  const work = join(root, 'dist/sea-work');
  const config = join(work, 'sea-config.json');
  const blob = join(work, 'sea.blob');
  writeFileSync(
    config,
    JSON.stringify({
      main: join(work, 'main.cjs'),
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: true,
      // The app's NODE_OPTIONS are never the init's (SPEC §13). (No execArgv of
      // its own: V8 would then reject the code caches, made without them.)
      execArgvExtension: 'none',
      assets,
    }),
  );
  execFileSync(seaNode, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  copyFileSync(seaNode, file);
  execFileSync(
    join(root, 'node_modules/.bin/postject'),
    [file, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * The library (SPEC §9): ES modules in dist/lib/ (its own package.json says
 * so), koffi left to node_modules, rxjs inside; declarations from tsc.
 */
async function buildLibrary() {
  const lib = join(root, 'dist/lib');
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'package.json'), '{ "type": "module" }\n');
  const library = { ...common, format: 'esm', external: ['koffi'], alias: { rxjs: join(root, 'node_modules/rxjs/dist/esm/index.js') } };
  await build({ ...library, entryPoints: [join(root, 'src/library/index.ts')], outfile: join(lib, 'index.js') });
  await build({ ...library, entryPoints: [join(root, 'src/library/register.ts')], outfile: join(lib, 'register.js'), external: ['./index.js'] });
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
  for (const name of ['index', 'register']) copyFileSync(join(root, `build/lib-types/library/${name}.d.ts`), join(lib, `${name}.d.ts`));
}

if (sea) await buildSea();
else if (mode === '--library') {
  // The distributable: the launcher (src/launcher/npm-launcher.*), and the bundle beside it.
  const bundle = join(dirname(output), 'init.cjs');
  const apart = await bundleCli(bundle, moduleHeader, 'beside');
  const sources = [bundle, ...Object.values(writeSources(dirname(output), { ...vendored, ...apart }))];
  await build({
    ...common,
    entryPoints: [join(root, 'src/launcher/npm-launcher.ts')],
    outfile: output,
    define: { __BUNDLE_ID__: bundleId(sources) },
    banner: { js: launcherHeader },
  });
} else await bundleCli(output, aloneHeader, 'inside');
chmodSync(output, 0o755);
if (mode === '--library') await buildLibrary();
