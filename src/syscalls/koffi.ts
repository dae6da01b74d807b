// Loads koffi, the FFI through which every libc call of the init goes.
// The bundle keeps koffi external (its native addon cannot be bundled), so it is
// resolved from node_modules next to the installed package. A binary built with
// OUTPUT_FILENAME to a folder outside any node_modules tree falls back to the
// tree it was built from.
import { createRequire } from 'node:module';
import type * as Koffi from 'koffi';

declare const __KOFFI_FALLBACK__: string | undefined;

function load(): typeof Koffi {
  const require = createRequire(import.meta.url);
  try {
    return require('koffi') as typeof Koffi;
  } catch (error) {
    const fallback = typeof __KOFFI_FALLBACK__ === 'string' ? __KOFFI_FALLBACK__ : undefined;
    if (fallback !== undefined) return createRequire(fallback)('koffi') as typeof Koffi;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`cannot load koffi, the init's one dependency (${reason}): install the package with npm, which brings it, or use the single executable`);
  }
}

export const koffi = load();
