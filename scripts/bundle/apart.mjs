// Scripts apart from the bundle, each compiled from a code cache of its own
// when the bundle first calls one of its exports (src/boot/compile-embedded.ts):
// - the supervisor (src/effects/main-loop.ts and what only it uses: rxjs, the
//   pipeline, the control server), called once the init's programs may have
//   started (src/effects/start-up.ts). In one bundle, V8 read its code with the
//   rest before anything ran: 0.7 ms of the 1.2-1.8 that the cache took to read,
//   before the command could start, and its modules' set-up too;
// - the services file's reader (src/services-file/services-from-file.ts),
//   called only with --services. In the bundle its code came from the bundle's
//   cache only when the run that made that cache had read a services file (an
//   image's `-D -- true` had not): otherwise V8 compiled it at every start,
//   1.1 ms before the first program. Its own cache is made by the first run that
//   reads a services file, --check included.
// Every module the bundle holds that such a script imports is the bundle's
// own, handed over (the koffi addon loaded once, one class per error, one state
// per module): each script is built with those as externals named front:PATH,
// and the bundle's stand-in for its entry maps each name to the module.
import { build } from 'esbuild';
import { dirname, join, relative, resolve } from 'node:path';

/** The scripts apart: the name of each (its code cache's and its source's), its entry, and the entry's exports the bundle calls. */
export const APART = [
  { name: 'supervisor', entry: 'src/effects/main-loop.ts', exports: ['mainLoop'] },
  { name: 'services-from-file', entry: 'src/services-file/services-from-file.ts', exports: ['servicesFromFile'] },
];

/** The bundle's stand-in for `entry` (a path): `contents` of it (a stub, to learn which modules the bundle holds without it; or the loader). */
function standIn(name, entry, contents, root) {
  return {
    name: `stand-in-${name}`,
    setup(b) {
      b.onResolve({ filter: /\.js$/ }, (args) => (join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === entry ? { path: entry, namespace: `apart-${name}` } : undefined));
      b.onLoad({ filter: /.*/, namespace: `apart-${name}` }, () => ({ resolveDir: root, loader: 'js', contents }));
    },
  };
}

/** For a script's build: an import of a module in `front` (paths) is external, front:PATH; each is added to `taken`. */
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

/** The bundle's stand-in that compiles script `name` (its source the expression `source`) on the first call of one of `exports`, with `modules` handed over. */
function loader(name, exports, source, modules) {
  return `import { compileEmbedded, sourceBeside, sourceFromAsset } from './src/boot/compile-embedded.ts';
${modules.map(([, path], i) => `import * as m${i} from ${JSON.stringify(path)};`).join('\n')}
const front = { ${modules.map(([id], i) => `${JSON.stringify(id)}: m${i}`).join(', ')} };
let script;
const load = () => (script ??= compileEmbedded(${JSON.stringify(name)}, ${source}, front));
${exports.map((exported) => `export function ${exported}(...args) {\n  return load().${exported}(...args);\n}`).join('\n')}`;
}

/**
 * Bundles `cli` into `outfile` (banner `header`), and each script of APART
 * apart; returns their texts, by name (banner `apartHeader`).
 * `options(plugins)` and `apartOptions(plugins)`: esbuild's options for the
 * bundle and for each script; `apartSource(name, text)`: the expression that
 * gives the bundle a script's source (sources.mjs, sourceOf).
 */
export async function bundleWithApart({ root, cli, outfile, options, apartOptions, header, apartHeader, apartSource }) {
  const parts = APART.map((part) => ({ ...part, entry: join(root, part.entry) }));
  const stubs = parts.map(({ name, entry, exports }) => standIn(name, entry, exports.map((exported) => `export function ${exported}() {}`).join('\n'), root));
  const alone = await build({ ...options(stubs), entryPoints: [cli], outfile, write: false, metafile: true });
  const front = new Set(Object.keys(alone.metafile.inputs).map((input) => resolve(input)));
  const texts = {};
  const loaders = [];
  for (const { name, entry, exports } of parts) {
    const taken = new Map();
    const built = await build({
      ...apartOptions([fromFront(front, taken, root)]),
      entryPoints: [entry],
      outfile: join(dirname(outfile), `${name}.cjs`),
      write: false,
      metafile: true,
      banner: { js: apartHeader },
    });
    const twice = Object.keys(built.metafile.inputs).filter((input) => front.has(resolve(input)));
    if (twice.length > 0) throw new Error(`${name} would hold a second copy of ${twice.join(', ')}: import them by a relative path`);
    texts[name] = built.outputFiles[0].text;
    const modules = [...taken].sort(([a], [b]) => a.localeCompare(b));
    loaders.push(standIn(name, entry, loader(name, exports, apartSource(name, texts[name]), modules), root));
  }
  await build({ ...options(loaders), entryPoints: [cli], outfile, banner: { js: header } });
  return texts;
}
