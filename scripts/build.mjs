// The bundler step of build.sh (esbuild's JavaScript API). Produces one file:
//  - our code and rxjs (its ES2015 build, so that unused operators are dropped),
//    with koffi left outside (it carries a native addon);
//  - winston and yaml bundled separately, as source text compiled at run time
//    only by the runs that need them (see src/boot/compile-embedded.ts): files
//    beside the npm package's bundle, assets of the single executable, or
//    embedded in a bundle built alone.
// With --sea: one single executable application (Node's SEA) instead, see buildSea().
// With --library: also the library (dist/lib/), see buildLibrary().
// Usage: node scripts/build.mjs [--sea | --library] OUTPUT VERSION BUILD_DATE
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

// winston's internal debug lines (@dabh/diagnostics) print whenever DEBUG or
// DIAGNOSTICS is set, and those are the app's settings (the debug package's):
// the init's winston gets the package's production build, which prints nothing.
const quietDiagnostics = {
  name: 'quiet-diagnostics',
  setup(b) {
    b.onResolve({ filter: /^@dabh\/diagnostics$/ }, () => ({ path: join(root, 'node_modules/@dabh/diagnostics/node/production.js') }));
  },
};

async function vendorSource(name) {
  const result = await build({
    ...common,
    plugins: [quietDiagnostics],
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
    write: false,
  });
  return result.outputFiles[0].text;
}

const vendored = { winston: await vendorSource('winston'), yaml: await vendorSource('yaml') };

/**
 * Where the bundle finds the source of a module that ships beside it (the
 * vendored ones, the supervisor): 'beside' it (the npm package: dist/NAME.cjs),
 * in the executable's 'assets' (NAME.cjs), or 'inside' it, a string (a bundle
 * built alone). winston and yaml are two thirds of the text: a bundle that
 * carries them is read and decoded on every start, 0.3-0.5 ms more before the
 * command starts.
 */
const sourceOf = (where, name, text) =>
  where === 'inside' ? JSON.stringify(text) : `${where === 'beside' ? 'sourceBeside' : 'sourceFromAsset'}(${JSON.stringify(`${name}.cjs`)})`;

function embedVendored(where) {
  return {
    name: 'embed-vendored',
    setup(b) {
      b.onResolve({ filter: /^(winston|yaml)$/ }, (args) => ({ path: args.path, namespace: 'embedded' }));
      b.onLoad({ filter: /.*/, namespace: 'embedded' }, (args) => ({
        resolveDir: join(root, 'src/boot'),
        loader: 'js',
        contents: `const { compileEmbedded, sourceBeside, sourceFromAsset } = require('./compile-embedded.ts');
module.exports = compileEmbedded(${JSON.stringify(args.path)}, ${sourceOf(where, args.path, vendored[args.path])});`,
      }));
    },
  };
}

/** Writes each source that ships beside the bundle (`texts`, by name) as NAME.cjs into `folder`; returns their paths, by name. */
function writeSources(folder, texts) {
  return Object.fromEntries(
    Object.entries(texts).map(([name, text]) => {
      const file = join(folder, `${name}.cjs`);
      writeFileSync(file, text);
      return [name, file];
    }),
  );
}

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

// The supervisor (src/effects/main-loop.ts and what only it uses: rxjs, the
// pipeline, the control server) is a script of its own, compiled from a code
// cache of its own when cli.ts first calls mainLoop: once the init's program may
// have started (src/effects/start-up.ts). In one bundle, V8 read its code with the
// rest before anything ran: 0.7 ms of the 1.2-1.8 that the cache took to read,
// before the command could start, and its modules' set-up too. Every module the
// bundle holds that the supervisor imports is the bundle's own, handed over
// (the koffi addon loaded once, one class per error, one state per module):
// the supervisor is built with those as externals named front:PATH, and the
// bundle's stand-in for main-loop.ts maps each name to the module.
const SUPERVISOR = join(root, 'src/effects/main-loop.ts');

/** The bundle's stand-in for main-loop.ts: `contents` of it (a stub, to learn which modules the bundle holds without it; or the loader). */
function supervisorModule(contents) {
  return {
    name: 'supervisor-module',
    setup(b) {
      b.onResolve({ filter: /main-loop\.js$/ }, (args) =>
        join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === SUPERVISOR ? { path: SUPERVISOR, namespace: 'supervisor' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'supervisor' }, () => ({ resolveDir: root, loader: 'js', contents }));
    },
  };
}

/** For the supervisor's build: an import of a module in `front` (paths) is external, front:PATH; each is added to `taken`. */
function fromFront(front, taken) {
  return {
    name: 'from-front',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.fromFront) return undefined;
        const found = await b.resolve(args.path, { resolveDir: args.resolveDir, importer: args.importer, kind: args.kind, pluginData: { fromFront: true } });
        if (found.errors.length > 0 || !front.has(found.path)) return undefined;
        taken.set(`front:${relative(root, found.path)}`, found.path);
        return { path: `front:${relative(root, found.path)}`, external: true };
      });
    },
  };
}

/** The bundle (`outfile`) and the supervisor beside it, whose source goes `where` (see sourceOf); returns the supervisor's text. */
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
  const cli = join(root, 'src/cli.ts');
  const alone = await build({ ...options([embedVendored(where), supervisorModule('export function mainLoop() {}')]), entryPoints: [cli], outfile, write: false, metafile: true });
  const front = new Set(Object.keys(alone.metafile.inputs).map((input) => resolve(input)));
  const taken = new Map();
  const supervisor = await build({ ...options([fromFront(front, taken)]), entryPoints: [SUPERVISOR], outfile: join(dirname(outfile), 'supervisor.cjs'), write: false, metafile: true, banner: { js: moduleHeader } });
  const twice = Object.keys(supervisor.metafile.inputs).filter((input) => front.has(resolve(input)));
  if (twice.length > 0) throw new Error(`the supervisor would hold a second copy of ${twice.join(', ')}: import them by a relative path`);
  const text = supervisor.outputFiles[0].text;
  const modules = [...taken].sort(([a], [b]) => a.localeCompare(b));
  const loader = `import { compileEmbedded, sourceBeside, sourceFromAsset } from './src/boot/compile-embedded.ts';
${modules.map(([, path], i) => `import * as m${i} from ${JSON.stringify(path)};`).join('\n')}
const front = { ${modules.map(([id], i) => `${JSON.stringify(id)}: m${i}`).join(', ')} };
let supervisor;
export function mainLoop(...args) {
  supervisor ??= compileEmbedded('supervisor', ${sourceOf(where, 'supervisor', text)}, front);
  return supervisor.mainLoop(...args);
}`;
  await build({ ...options([embedVendored(where), supervisorModule(loader)]), entryPoints: [cli], outfile, banner: { js: header } });
  return text;
}

/**
 * The single executable: a copy of this node binary (postject) whose main
 * script, src/launcher/sea-main.ts, runs the bundle, an asset, from V8's code cache,
 * another asset; koffi's native addon is one more. The cache is made by a first
 * executable, run once here, that writes it when its start-up is over; yaml's,
 * by a second one, which has the bundle's cache and reads a services file.
 */
async function buildSea() {
  const work = join(root, 'dist/sea-work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const bundle = join(work, 'init.cjs');
  const supervisor = await bundleCli(bundle, seaHeader, 'assets');
  const sources = writeSources(work, { ...vendored, supervisor });
  const main = join(work, 'main.cjs');
  await build({ ...common, entryPoints: [join(root, 'src/launcher/sea-main.ts')], outfile: main, plugins: [builtinsFromProcess] });
  const arch = execFileSync(seaNode, ['-p', 'process.arch'], { encoding: 'utf8' }).trim();
  const koffiAddon = process.env.SEA_KOFFI ?? join(root, `node_modules/@koromix/koffi-linux-${arch}/linux_${arch}/koffi.node`);
  const assets = { 'koffi.node': koffiAddon, 'init.cjs': bundle, 'winston.cjs': sources.winston, 'yaml.cjs': sources.yaml, 'supervisor.cjs': sources.supervisor };

  const cache = join(work, 'init.code-cache');
  const destination = join(work, 'code-cache-destination');
  writeFileSync(destination, cache);
  const first = join(work, 'docker-container-init');
  makeExecutable(first, { ...assets, 'code-cache-destination': destination });
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  execFileSync(first, ['-D', '--', 'true'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  // With the bundle's cache, a run that reads a services file: yaml's cache (a file of its own, beside it).
  // (The first run wrote the supervisor's cache too, beside it.)
  makeExecutable(first, { ...assets, 'init.code-cache': cache, 'supervisor.code-cache': `${cache}.supervisor`, 'code-cache-destination': destination });
  const services = join(work, 'services.yaml');
  writeFileSync(services, 'services:\n  once:\n    command: ["true"]\n    restart: "no"\n');
  execFileSync(first, ['-D', '--services', services, '--', 'true'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  rmSync(first);
  makeExecutable(output, { ...assets, 'init.code-cache': cache, 'supervisor.code-cache': `${cache}.supervisor`, 'yaml.code-cache': `${cache}.yaml` });
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
  const supervisor = await bundleCli(bundle, moduleHeader, 'beside');
  const sources = [bundle, ...Object.values(writeSources(dirname(output), { ...vendored, supervisor }))];
  await build({
    ...common,
    entryPoints: [join(root, 'src/launcher/npm-launcher.ts')],
    outfile: output,
    // Names the code cache: a cache of another build of the bundle is never read.
    define: { __BUNDLE_ID__: JSON.stringify(sources.reduce((hash, file) => hash.update(readFileSync(file)), createHash('sha256')).digest('hex').slice(0, 16)) },
    banner: { js: launcherHeader },
  });
} else await bundleCli(output, aloneHeader, 'inside');
chmodSync(output, 0o755);
if (mode === '--library') await buildLibrary();
