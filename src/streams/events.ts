// What happens to the init (events, the pipeline's input) and what it does
// about it (actions, its output). Plain data, so that marble tests can write
// them down. Types that several rules share live here, with the events.
import type { ChildExit } from '../posix/exit-status.js';
import type { ControlReply, ControlRequest } from './control.js';
import type { HookKind } from './service.js';

export type { ChildExit };

/** A reaped exit; a health probe's carries what the probe wrote (its last 4 KiB). */
export type ReapedExit = ChildExit & { readonly output?: string };

/** How a program ended, or why the init stops: the status it reports (before -e) and the words for the log. */
export interface Outcome {
  readonly status: number;
  /** "the command (pid 7) exited with status 3", "received SIGTERM". */
  readonly reason: string;
}

export type InitEvent =
  /** Start-up is over: every signal that came before it has been delivered. The programs may start. */
  | { readonly kind: 'ready' }
  /**
   * A signal the init caught (never SIGCHLD: that drives the reap loop).
   * `atStartUp`: it came while Node.js was starting, whenever it is noticed (a
   * SIGUSR1 that opened Node's debugger, found on a later turn): dropped (SPEC §11).
   */
  | { readonly kind: 'signal'; readonly signal: number; readonly atStartUp?: true }
  /** One pass of the reap loop: every exit it collected (a health probe's with its output), and whether no child is left at all. */
  | { readonly kind: 'reaped'; readonly exits: readonly ReapedExit[]; readonly childless: boolean }
  // What performing an action taught (the interpreter feeds these back):
  /** Service number `service` (an index into the configuration's services) runs as `pid`. */
  | { readonly kind: 'spawned'; readonly service: number; readonly pid: number }
  /** It could not be started: status 127 (not found), 126 (not executable) or 125 (no process), and why. */
  | { readonly kind: 'spawnFailed'; readonly service: number; readonly status: number; readonly reason: string }
  /** The health probe of service number `service` runs as `pid`. */
  | { readonly kind: 'probeStarted'; readonly service: number; readonly pid: number }
  /** It could not be started, and why (a failed probe). */
  | { readonly kind: 'probeFailed'; readonly service: number; readonly reason: string }
  /** A lifecycle hook of service number `service` runs as `pid`. */
  | { readonly kind: 'hookStarted'; readonly service: number; readonly hook: HookKind; readonly pid: number }
  /** It could not be started, and why. */
  | { readonly kind: 'hookFailed'; readonly service: number; readonly hook: HookKind; readonly reason: string }
  /** A request of the control command (`ps`, `restart NAME`, ...), to answer as `id`. */
  | { readonly kind: 'control'; readonly id: number; readonly request: ControlRequest }
  /** A broadcast of `signal` reached `count` processes. */
  | { readonly kind: 'signalled'; readonly signal: number; readonly count: number }
  /** --grace ran out: these processes were sent SIGKILL. */
  | { readonly kind: 'killed'; readonly processes: readonly NamedProcess[] }
  /** What the init is still waiting for. */
  | { readonly kind: 'remaining'; readonly processes: readonly NamedProcess[] }
  /** Something the effects have to say (a failed call, a fact of the start-up), for the log. */
  | { readonly kind: 'note'; readonly level: LogLevel; readonly message: string; readonly fields?: LogFields };

/** A process as the log names it: pid and command line (from /proc, cut short). */
export interface NamedProcess {
  readonly pid: number;
  readonly command: string;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const SEVERITY: Readonly<Record<LogLevel, number>> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Whether a line at `level` is shown when `threshold` is the most verbose level enabled. */
export function isLogged(level: LogLevel, threshold: LogLevel): boolean {
  return SEVERITY[level] <= SEVERITY[threshold];
}

/** Structured context for a log line (used by the JSON log format). */
export interface LogFields {
  readonly signal?: string;
  readonly target?: number;
  readonly exitCode?: number;
}

export type Action =
  /** Start service number `service`, in a process group of its own or not. */
  | { readonly type: 'spawn'; readonly service: number; readonly processGroup: boolean }
  /** kill(target, signal); a negative target is a process group. */
  | { readonly type: 'forward'; readonly signal: number; readonly target: number }
  /** Signal every process the init is responsible for (kill(-1) as PID 1, descendants otherwise). */
  | { readonly type: 'broadcast'; readonly signal: number }
  /** SIGKILL to every process the init is responsible for, naming them ('killed' comes back). */
  | { readonly type: 'kill' }
  /** Name the processes the init is still waiting for ('remaining' comes back). */
  | { readonly type: 'report' }
  /** Run the health probe of service number `service` ('probeStarted' or 'probeFailed' comes back). */
  | { readonly type: 'probe'; readonly service: number }
  /** Run hook number `index` of `hook` of service number `service` ('hookStarted' or 'hookFailed' comes back). */
  | { readonly type: 'hook'; readonly service: number; readonly hook: HookKind; readonly index: number }
  /** Run the reap loop soon (its result comes back as a 'reaped' event). */
  | { readonly type: 'sweep' }
  /** `final`: a line of the exit (the summary, the status), which the output never drops (SPEC §16). */
  | { readonly type: 'log'; readonly level: LogLevel; readonly message: string; readonly fields?: LogFields; readonly final?: true }
  | { readonly type: 'exit'; readonly status: number }
  /** The answer to control request `id`. */
  | { readonly type: 'reply'; readonly id: number; readonly reply: ControlReply };

export const log = (level: LogLevel, message: string, fields?: LogFields): Action =>
  fields === undefined ? { type: 'log', level, message } : { type: 'log', level, message, fields };

/** A debug line, built only when debug lines are shown: the hot paths (every signal, every reaped pid) pay nothing otherwise. */
export function debugLine(threshold: LogLevel, build: () => Action): Action[] {
  return isLogged('debug', threshold) ? [build()] : [];
}
