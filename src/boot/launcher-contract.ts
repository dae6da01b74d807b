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
const CACHE_STORE = Symbol.for('docker-container-init.code-cache-store');

/** Where the code caches of the bundle's embedded modules are kept, by module name. */
export interface CodeCacheStore {
  read(name: string): Buffer | undefined;
  write(name: string, data: Buffer): void;
}

type Shared = Record<symbol, unknown>;

/** Launcher: how the bundle was compiled. */
export function tellCodeCacheState(state: CodeCacheState): void {
  (globalThis as Shared)[CODE_CACHE] = state;
}

/** Bundle: how it was compiled; undefined when no launcher said. */
export function codeCacheState(): CodeCacheState | undefined {
  return (globalThis as Shared)[CODE_CACHE] as CodeCacheState | undefined;
}

/** Launcher: where the embedded modules' code caches go. */
export function offerCodeCacheStore(store: CodeCacheStore): void {
  (globalThis as Shared)[CACHE_STORE] = store;
}

/** Bundle: where the embedded modules' code caches go; undefined when no launcher offered a place. */
export function codeCacheStore(): CodeCacheStore | undefined {
  return (globalThis as Shared)[CACHE_STORE] as CodeCacheStore | undefined;
}

/** Launcher: `listener` runs once, when the bundle's start-up is over. */
export function onStartUpOver(listener: () => void): void {
  (globalThis as Shared)[START_UP_OVER] = listener;
}

/** Bundle: tasks that wait for the end of start-up (see atStartUpOver); undefined once it is over. */
let startUpTasks: (() => void)[] | undefined = [];

/**
 * Bundle: `task` runs once start-up is over, after the launcher's listener.
 * Registered after that, it never runs: what a run compiles later is compiled
 * while nothing waits for it, and the file it would write serves no start.
 */
export function atStartUpOver(task: () => void): void {
  startUpTasks?.push(task);
}

/** The end of start-up: the launcher's listener (when `withListener`), then the bundle's tasks; each once. */
function endStartUp(withListener: boolean): void {
  const listener = (globalThis as Shared)[START_UP_OVER] as (() => void) | undefined;
  delete (globalThis as Shared)[START_UP_OVER];
  if (withListener) listener?.();
  const tasks = startUpTasks ?? [];
  startUpTasks = undefined;
  for (const task of tasks) task();
}

/** Bundle: its start-up is over. */
export function startUpOver(): void {
  endStartUp(true);
}

/**
 * Bundle: a run that starts nothing (--check) keeps now what start-up would
 * have kept for the next start (the embedded modules' caches, the services
 * file's value), but never the bundle's own code cache, the launcher's
 * listener: such a run compiled too little of the bundle, and a start that
 * read that cache would not write a better one.
 */
export function keepWithoutStartUp(): void {
  endStartUp(false);
}
