// A program's lifecycle hooks (SPEC §17, Compose's post_start and pre_stop),
// each list one after another: post_start's as each run of the program
// begins, beside it; pre_stop's when the init is to stop the program (the
// shutdown, the control command, an unhealthy restart), before its stop
// signal, which goes out once the last has ended, whatever its status. A hook
// whose program's run ends is killed (as `docker exec` dies with its
// container), and nothing follows it. Hooks have no time bound of their own:
// --grace bounds the stop.
import { hooksOf, type HookKind } from '../service.js';
import { note, patchService, type Move } from './move.js';
import type { RunningHook } from './state.js';

function setHook(move: Move, index: number, kind: HookKind, hook: RunningHook | undefined): void {
  const { [kind]: _old, ...others } = move.state.services[index]!.hooks ?? {};
  patchService(move, index, { hooks: hook === undefined ? others : { ...others, [kind]: hook } });
}

function runHook(move: Move, index: number, kind: HookKind, number: number): void {
  setHook(move, index, kind, { index: number, pid: null, abandoned: false });
  note(move, { kind: 'hook', service: index, hook: kind, index: number });
}

/** Runs the first of program `index`'s hooks of `kind`; false when it has none. */
export function startHooks(move: Move, index: number, kind: HookKind): boolean {
  if (hooksOf(move.config.services[index]!, kind).length === 0) return false;
  runHook(move, index, kind, 0);
  return true;
}

export function hookStarted(move: Move, index: number, kind: HookKind, pid: number): void {
  const hook = move.state.services[index]!.hooks?.[kind];
  if (hook) setHook(move, index, kind, { ...hook, pid });
}

/** Program `index`'s run ended: its hooks that run are killed, and nothing follows them. */
export function abandonHooks(move: Move, index: number): void {
  for (const [kind, hook] of Object.entries(move.state.services[index]!.hooks ?? {}) as Array<[HookKind, RunningHook]>) {
    if (hook.abandoned) continue;
    if (hook.pid === null) {
      setHook(move, index, kind, undefined);
      continue;
    }
    setHook(move, index, kind, { ...hook, abandoned: true });
    note(move, { kind: 'killHook', service: index, pid: hook.pid });
  }
}

/**
 * Program `index`'s hook of `kind` ended (`ok`: it exited 0; `how` in words).
 * Runs the next one; after the last pre_stop hook, `thenStop` sends the stop
 * signal.
 */
export function hookEnded(move: Move, index: number, kind: HookKind, ended: { readonly ok: boolean; readonly how: string; readonly output: string }, thenStop: (move: Move, index: number) => void): void {
  const hook = move.state.services[index]!.hooks?.[kind];
  if (!hook) return;
  setHook(move, index, kind, undefined);
  // One killed because its program's run ended has nothing to say (that end is said).
  if (hook.abandoned) return;
  note(move, { kind: 'hookEnded', service: index, hook: kind, index: hook.index, ...ended });
  if (hook.index + 1 < hooksOf(move.config.services[index]!, kind).length) return runHook(move, index, kind, hook.index + 1);
  if (kind === 'preStop' && move.state.services[index]!.status === 'stopping') thenStop(move, index);
}
