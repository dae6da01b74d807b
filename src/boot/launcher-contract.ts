// The contract between a launcher (the npm package's src/launcher/npm-launcher.ts
// or the single executable's src/launcher/sea-main.ts), which compiles and runs
// the init's bundle, and the bundle itself. Both sides import this module; the
// launcher holds its own copy (the bundle is a separate script), so what they
// share lives on the process, under names of the init's:
// - the launcher tells how the bundle was compiled (from V8's code cache, or
//   not), for the bundle's -vv line; a bundle run otherwise (an OUTPUT_FILENAME
//   build, the tests) hears nothing;
// - the bundle tells when its start-up is over (its commands have started, and
//   what a supervising init runs has been compiled): the launcher makes V8's
//   code cache then, not from a run of -h or a usage error, which compile too
//   little, and before the init changes V8's flags, which V8 checks a cache against.
export type CodeCacheState = 'read' | 'rejected' | 'none';

const CODE_CACHE = Symbol.for('docker-container-init.code-cache');
const START_UP_OVER = Symbol.for('docker-container-init.start-up-over');

type Shared = Record<symbol, unknown>;

/** Launcher: how the bundle was compiled. */
export function tellCodeCacheState(state: CodeCacheState): void {
  (globalThis as Shared)[CODE_CACHE] = state;
}

/** Bundle: how it was compiled; undefined when no launcher said. */
export function codeCacheState(): CodeCacheState | undefined {
  return (globalThis as Shared)[CODE_CACHE] as CodeCacheState | undefined;
}

/** Launcher: `listener` runs once, when the bundle's start-up is over. */
export function onStartUpOver(listener: () => void): void {
  (globalThis as Shared)[START_UP_OVER] = listener;
}

/** Bundle: its start-up is over. */
export function startUpOver(): void {
  const listener = (globalThis as Shared)[START_UP_OVER] as (() => void) | undefined;
  delete (globalThis as Shared)[START_UP_OVER];
  listener?.();
}
