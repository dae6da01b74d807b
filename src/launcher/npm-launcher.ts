// The npm package's dist/docker-container-init, after its shell lines
// (npm-launcher.sh): runs the init's bundle, dist/init.cjs, from V8's code
// cache for it.
//
// Without the cache V8 parses the bundle as it loads, and every function the
// first time it is called: about 7 ms of each start on Node 24. Node's own
// compile cache (module.enableCompileCache, Node 22.1 and later) saves the
// code V8 made while loading only, before any function ran, which was 4 of
// those ms; a cache made at exit holds every function the run compiled
// (V8's createCachedData), and saves 3.5 ms more, on every line Node 20 and
// later (npm run bench).
//
// The cache lives in dist/.code-cache/, one file per build of the bundle, Node
// version and architecture (and, once a run has read a services file, one for
// yaml and one for the file's reader, boot/compile-embedded.ts, and the file's
// value, services-file/kept-parse.ts) (V8 itself checks its version and flags,
// and only the length of the source). The first run that may write there (an image
// build that runs the init once, or the first container) writes it once its
// start-up is over (src/boot/launcher-contract.ts), and every run after it reads it.
// A folder that cannot be written (a read-only file system, another user)
// goes without, silently. The cache is written to a file of its own and
// renamed into place: a start beside it reads a whole cache or none. Made only
// when node was started as the launcher starts it, with no flags of its own,
// so that every run checks it against the same V8 flags.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { offerCodeCacheStore, onStartUpOver } from '../boot/launcher-contract.js';
import { bundleScript } from './bundle-script.js';
import { writeWhole } from './write-whole.js';

declare const __BUNDLE_ID__: string;

const bundle = join(__dirname, 'init.cjs');
const cacheable = process.execArgv.length === 0;

/** The cache of the bundle (no name) or of a module it carries as text (its name: boot/compile-embedded.ts). */
function cacheFileOf(name?: string): string {
  return join(__dirname, '.code-cache', `${__BUNDLE_ID__}${name === undefined ? '' : `-${name}`}-${process.version}-${process.arch}`);
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return cacheable ? readFileSync(cacheFile) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile: string, data: Buffer): void {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
  } catch {
    return;
  }
  writeWhole(cacheFile, data);
}

const script = bundleScript(readFileSync(bundle, 'utf8'), bundle, readCache(cacheFileOf()));
if (cacheable && !script.fromCache) onStartUpOver(() => writeCache(cacheFileOf(), script.codeCache()));
if (cacheable) offerCodeCacheStore({ read: (name) => readCache(cacheFileOf(name)), write: (name, data) => writeCache(cacheFileOf(name), data) });
// This file's own require resolves from the bundle's folder (both are in dist/):
// node:module's createRequire, for one made there, took 0.1 ms to load.
script.run(require, bundle, __dirname);
