// Modules that ship with the bundle as source text (winston, yaml), compiled
// only when first required: parsing the same code as functions of the bundle
// costs milliseconds on every start, even in runs that never use it. The text
// is a file beside the bundle, an asset of the single executable, or a string
// inside a bundle built alone (scripts/bundle/sources.mjs chooses); this reads and compiles one.
//
// From V8's code cache for it, when the launcher keeps one (launcher-contract.ts):
// yaml, which a services file needs before any program starts, took 12 ms to
// compile, load and parse ten services on Node 24 without a cache and 4 ms with
// one. A module compiled without a cache gets one written once start-up is
// over, holding every function start-up ran, as the bundle's own does.
// node:vm is taken when a module is compiled, not when the bundle loads: most
// runs never compile one (the launchers have it loaded already; node:module,
// which took 0.2 ms more, only for a module that requires what Node lacks).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { atStartUpOver, codeCacheStore, type CodeCacheState } from './launcher-contract.js';

const states = new Map<string, CodeCacheState>();

/** The source of an embedded module kept beside the bundle, in `file` (the npm package's dist/yaml.cjs). */
export function sourceBeside(file: string): string {
  return readFileSync(join(import.meta.dirname, file), 'utf8');
}

/** The source of an embedded module kept as asset `key` of the single executable. */
export function sourceFromAsset(key: string): string {
  return process.getBuiltinModule('node:sea').getAsset(key, 'utf8');
}

/** How each embedded module compiled so far was compiled, where a launcher keeps caches (for the -vv lines). */
export function embeddedCacheStates(): ReadonlyMap<string, CodeCacheState> {
  return states;
}

/**
 * Compiles and runs module `name` from `source`; returns its exports. `front`:
 * modules of the bundle it takes as its own, by the name it requires them by
 * (a script apart's front:PATH, scripts/bundle/apart.mjs).
 */
export function compileEmbedded(name: string, source: string, front?: Readonly<Record<string, unknown>>): unknown {
  const bundle = import.meta.filename;
  const store = codeCacheStore();
  const cachedData = store?.read(name);
  // The wrapper starts on the module's first line: its line numbers stay the module's.
  const { Script } = process.getBuiltinModule('node:vm');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: `${bundle}[${name}]`, cachedData });
  if (store !== undefined) {
    const state = cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'read';
    states.set(name, state);
    if (state !== 'read') atStartUpOver(() => store.write(name, script.createCachedData()));
  }
  const module = { exports: {} as unknown };
  // What these modules require is Node's own (and, for a script apart, the
  // bundle's: front): node:module's createRequire, loaded for a module that
  // requires anything else, took 0.2 ms before a services file's programs.
  let elsewhere: NodeJS.Require | undefined;
  const require = (id: string): unknown =>
    (front !== undefined && Object.hasOwn(front, id) ? front[id] : undefined) ??
    process.getBuiltinModule(id) ??
    (elsewhere ??= process.getBuiltinModule('node:module').createRequire(bundle))(id);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, bundle, dirname(bundle));
  return module.exports;
}
