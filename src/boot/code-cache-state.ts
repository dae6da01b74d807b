// How the init's bundle was compiled, as the program that ran it (launch.ts,
// sea/main.ts) tells the init: from V8's code cache, or not. Said at -vv, so
// that a user can see whether an image's cache serves.
export type CodeCacheState = 'read' | 'rejected' | 'none';

const KEY = Symbol.for('docker-container-init.code-cache');

export function tellCodeCacheState(state: CodeCacheState): void {
  (globalThis as Record<symbol, unknown>)[KEY] = state;
}

/** Undefined when the bundle was run otherwise (a single-file OUTPUT_FILENAME build). */
export function codeCacheState(): CodeCacheState | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as CodeCacheState | undefined;
}
