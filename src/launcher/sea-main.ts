// The single executable's main script: runs the init's bundle, an asset of the
// executable, from V8's code cache for it, another asset.
//
// Node's own code cache for a main script (useCodeCache) holds the code V8
// made while compiling it, before anything ran; V8 still compiles every
// function the first time it is called. The cache here holds every function
// the init's start-up ran: build.mjs makes it with a first executable, which
// it runs once (`-D -- true`) and whose one extra asset names the file to
// write the cache to, once start-up is over (src/boot/launcher-contract.ts). Both are
// the same node binary, with the same flags: V8 takes the cache. A second
// first executable, which has that cache, reads a services file once: yaml's
// cache and the services file reader's (boot/compile-embedded.ts) go beside
// it, and become assets too.
// A services file's value (services-file/kept-parse.ts) is no asset: runs keep
// it in /var/cache (kept-folder.ts), as the npm package beside its bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAsset, getRawAsset } from 'node:sea';
import { offerCodeCacheStore, onStartUpOver } from '../boot/launcher-contract.js';
import { bundleScript } from './bundle-script.js';
import { keptFolder } from './kept-folder.js';
import { writeWhole } from './write-whole.js';

declare const __BUNDLE_ID__: string;

function optionalAsset(key: string): ArrayBuffer | undefined {
  try {
    return getRawAsset(key) as ArrayBuffer;
  } catch {
    return undefined;
  }
}

const cache = optionalAsset('init.code-cache');
const script = bundleScript(getAsset('init.cjs', 'utf8'), process.execPath, cache === undefined ? undefined : Buffer.from(cache));
const destinationAsset = optionalAsset('code-cache-destination');
const destination = destinationAsset === undefined ? undefined : Buffer.from(destinationAsset).toString();
if (destination !== undefined && !script.fromCache) onStartUpOver(() => writeFileSync(destination, script.codeCache()));
// What no asset holds (a services file's value) is kept in a folder of the
// system's (kept-folder.ts), under a name of this build: a value another build
// kept is never read.
const keptFile = (folder: string, name: string): string => join(folder, `${__BUNDLE_ID__}-${name}`);
offerCodeCacheStore({
  read(name) {
    const cached = optionalAsset(`${name}.code-cache`);
    if (cached !== undefined) return Buffer.from(cached);
    const folder = destination === undefined ? keptFolder(false) : undefined;
    try {
      return folder === undefined ? undefined : readFileSync(keptFile(folder, name));
    } catch {
      return undefined;
    }
  },
  write(name, data) {
    if (destination !== undefined) return writeFileSync(`${destination}.${name}`, data);
    const folder = keptFolder(true);
    if (folder !== undefined) writeWhole(keptFile(folder, name), data);
  },
});
// Node's own modules come to the bundle from process.getBuiltinModule: Node 26
// traces each require of one under NODE_DEBUG=module, and the bundle's first
// module (src/boot/sea-restart.ts) has not yet started the executable over
// without the app's NODE_DEBUG when the others load theirs.
const bundleRequire = Object.assign((id: string): unknown => process.getBuiltinModule(id) ?? require(id), require) as NodeJS.Require;
script.run(bundleRequire, process.execPath, '/');
