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
import { build } from 'esbuild';
import { dirname, join, relative, resolve } from 'node:path';

/** The bundle's stand-in for `supervisor`: `contents` of it (a stub, to learn which modules the bundle holds without it; or the loader). */
function standIn(supervisor, contents, root) {
  return {
    name: 'supervisor-module',
    setup(b) {
      b.onResolve({ filter: /main-loop\.js$/ }, (args) =>
        join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === supervisor ? { path: supervisor, namespace: 'supervisor' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'supervisor' }, () => ({ resolveDir: root, loader: 'js', contents }));
    },
  };
}

/** For the supervisor's build: an import of a module in `front` (paths) is external, front:PATH; each is added to `taken`. */
function fromFront(front, taken, root) {
  return {
    name: 'from-front',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.fromFront) return undefined;
        const found = await b.resolve(args.path, { resolveDir: args.resolveDir, importer: args.importer, kind: args.kind, pluginData: { fromFront: true } });
        if (found.errors.length > 0 || !front.has(found.path)) return undefined;
        const id = `front:${relative(root, found.path)}`;
        taken.set(id, found.path);
        return { path: id, external: true };
      });
    },
  };
}

/**
 * Bundles `cli` into `outfile` (banner `header`), and the supervisor
 * (src/effects/main-loop.ts) apart; returns the supervisor's text (banner
 * `supervisorHeader`). `options(plugins)` and `supervisorOptions(plugins)`:
 * esbuild's options for each; `supervisorSource(text)`: the expression that
 * gives the bundle the supervisor's source (sources.mjs, sourceOf).
 */
export async function bundleWithSupervisor({ root, cli, outfile, options, supervisorOptions, header, supervisorHeader, supervisorSource }) {
  const supervisor = join(root, 'src/effects/main-loop.ts');
  const alone = await build({ ...options([standIn(supervisor, 'export function mainLoop() {}', root)]), entryPoints: [cli], outfile, write: false, metafile: true });
  const front = new Set(Object.keys(alone.metafile.inputs).map((input) => resolve(input)));
  const taken = new Map();
  const built = await build({
    ...supervisorOptions([fromFront(front, taken, root)]),
    entryPoints: [supervisor],
    outfile: join(dirname(outfile), 'supervisor.cjs'),
    write: false,
    metafile: true,
    banner: { js: supervisorHeader },
  });
  const twice = Object.keys(built.metafile.inputs).filter((input) => front.has(resolve(input)));
  if (twice.length > 0) throw new Error(`the supervisor would hold a second copy of ${twice.join(', ')}: import them by a relative path`);
  const text = built.outputFiles[0].text;
  const modules = [...taken].sort(([a], [b]) => a.localeCompare(b));
  const loader = `import { compileEmbedded, sourceBeside, sourceFromAsset } from './src/boot/compile-embedded.ts';
${modules.map(([, path], i) => `import * as m${i} from ${JSON.stringify(path)};`).join('\n')}
const front = { ${modules.map(([id], i) => `${JSON.stringify(id)}: m${i}`).join(', ')} };
let supervisor;
export function mainLoop(...args) {
  supervisor ??= compileEmbedded('supervisor', ${supervisorSource(text)}, front);
  return supervisor.mainLoop(...args);
}`;
  await build({ ...options([standIn(supervisor, loader, root)]), entryPoints: [cli], outfile, banner: { js: header } });
  return text;
}
