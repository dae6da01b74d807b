// Loads koffi, the FFI through which every libc call of the init goes. The
// bundle keeps koffi outside (its native addon cannot be bundled): it comes
// from node_modules next to the installed package.
//
// Its native addon is loaded directly, the way Node's resolver would find it
// (node_modules/@koromix/koffi-linux-<arch>, walking up from the bundle), with
// process.dlopen: the addon is koffi's whole API. koffi's own JavaScript entry
// does the same after detecting the C library from the node binary's ELF
// headers and loading node:util, node:fs and node:module, which cost about 6 of
// the 7.5 ms that loading koffi took at start-up (profiled on Node 24). The
// glibc build is tried first, then the musl one (Alpine). Anywhere else (an
// install laid out otherwise), koffi's entry does it.
// A binary built with OUTPUT_FILENAME to a folder outside any node_modules
// tree falls back to the tree it was built from.
// The single executable has no node_modules: its build (scripts/build.mjs,
// seaKoffi) bundles koffi-sea.cts in place of this file, which exports the same.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Koffi from 'koffi';
import { loadAddon } from './load-addon.js';

declare const __KOFFI_FALLBACK__: string | undefined;

function nativeAddon(from: string): typeof Koffi | undefined {
  if (process.platform !== 'linux') return undefined;
  for (let dir = from; ; dir = dirname(dir)) {
    const addon = join(dir, 'node_modules/@koromix', `koffi-linux-${process.arch}`);
    if (existsSync(addon)) {
      for (const libc of ['linux', 'musl']) {
        try {
          return loadAddon<typeof Koffi>(join(addon, `${libc}_${process.arch}`, 'koffi.node'));
        } catch {
          // the other C library's build, or none for this one
        }
      }
      return undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function load(): typeof Koffi {
  const here = import.meta.dirname;
  const fallback = typeof __KOFFI_FALLBACK__ === 'string' ? dirname(__KOFFI_FALLBACK__) : undefined;
  const direct = nativeAddon(here) ?? (fallback === undefined ? undefined : nativeAddon(fallback));
  if (direct) return direct;
  const { createRequire } = process.getBuiltinModule('node:module');
  try {
    return createRequire(import.meta.filename)('koffi') as typeof Koffi;
  } catch (error) {
    if (fallback !== undefined) return createRequire(join(fallback, 'package.json'))('koffi') as typeof Koffi;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`cannot load koffi, the init's one dependency (${reason}): install the package with npm, which brings it, or use the single executable`);
  }
}

export const koffi = load();
