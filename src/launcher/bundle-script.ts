// The init's bundle as a script of its own, compiled from V8's code cache when
// there is one, and run as the CommonJS module it was built as. Used by the two
// programs that run the bundle: the npm package's (npm-launcher.ts) and the
// single executable's (sea-main.ts); each keeps the cache where it can.
import { Script } from 'node:vm';
import { tellCodeCacheState } from '../boot/launcher-contract.js';

export interface BundleScript {
  /** Whether V8 took the code cache it was given (false without one). */
  readonly fromCache: boolean;
  /** V8's code for everything compiled so far: after start-up, every function start-up ran. */
  codeCache(): Buffer;
  run(require: NodeJS.Require, filename: string, dirname: string): void;
}

export function bundleScript(source: string, filename: string, cachedData: Buffer | undefined): BundleScript {
  // The wrapper starts on the bundle's first line: its line numbers stay the bundle's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
  const fromCache = cachedData !== undefined && script.cachedDataRejected !== true;
  tellCodeCacheState(fromCache ? 'read' : cachedData === undefined ? 'none' : 'rejected');
  return {
    fromCache,
    codeCache: () => script.createCachedData(),
    run(require, file, dirname) {
      const module = { exports: {} };
      (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, dirname);
    },
  };
}
