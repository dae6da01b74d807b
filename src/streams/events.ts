// What happens to the init (events, the pipeline's input) and what it does
// about it (actions, the pipeline's output). Plain data, so that marble tests
// can write them down.
import type { ChildExit } from '../posix/wait-status.js';

export type { ChildExit };

export type InitEvent =
  /** The command was started. */
  | { readonly kind: 'spawned'; readonly pid: number }
  /** The command could not be started; status is 127 (not found) or 126 (not executable). */
  | { readonly kind: 'spawnFailed'; readonly status: number; readonly command: string; readonly reason: string }
  /** A signal the init caught (never SIGCHLD: that drives the reaper). */
  | { readonly kind: 'signal'; readonly signal: number }
  /** A SIGTERM that --delay-term holds back for `ms` (its 'signal' event comes when it is released). */
  | { readonly kind: 'held'; readonly signal: number; readonly ms: number }
  /** One pass of the reap loop: every exit it collected, and whether no child is left at all. */
  | { readonly kind: 'reaped'; readonly exits: readonly ChildExit[]; readonly childless: boolean };

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
  /** kill(target, signal); a negative target is a process group. */
  | { readonly type: 'forward'; readonly signal: number; readonly target: number }
  /** Signal every process the init is responsible for (kill(-1) as PID 1, descendants otherwise). */
  | { readonly type: 'broadcast'; readonly signal: number }
  /** Run the reap loop now (its result comes back as a 'reaped' event). */
  | { readonly type: 'sweep' }
  | { readonly type: 'log'; readonly level: LogLevel; readonly message: string; readonly fields?: LogFields }
  | { readonly type: 'exit'; readonly status: number };

export const log = (level: LogLevel, message: string, fields?: LogFields): Action =>
  fields === undefined ? { type: 'log', level, message } : { type: 'log', level, message, fields };
