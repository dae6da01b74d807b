import type { LogLevel } from './events.js';
import type { Service } from './service.js';

// What the pipeline needs to know about the run: the command line's choices
// and the services file, already resolved into plain values (src/cli/).

export interface SupervisorConfig {
  /**
   * Every program the init supervises, in the order they start: the file's
   * services (dependencies first), the --run commands, the main command last.
   * None in the "container as VM" mode.
   */
  readonly services: readonly Service[];
  /** -g: each program leads a process group of its own; SIGTERM and stop signals go to the whole group. */
  readonly processGroup: boolean;
  /** False with -W: exit as soon as the shutdown starts. */
  readonly waitForChildren: boolean;
  /** False with -B or -W: no SIGTERM broadcast before waiting. */
  readonly broadcast: boolean;
  /** False with -I: in no-command mode only SIGTERM starts the shutdown. */
  readonly shutdownOnSigint: boolean;
  /** Signals that are passed on to the programs. */
  readonly forwarded: ReadonlySet<number>;
  /** --rewrite: a forwarded signal FROM goes out as TO; TO 0 drops it. */
  readonly rewrites: ReadonlyMap<number, number>;
  /** -e: final exit statuses that become 0. */
  readonly exitCodesToZero: ReadonlySet<number>;
  /** --delay-term in milliseconds; 0 when SIGTERM acts at once. */
  readonly delayTermMs: number;
  /** --grace in milliseconds: how long a stop may take before SIGKILL; undefined: no bound. */
  readonly graceMs: number | undefined;
  /** -w: a WARN line for every reaped process that was not a program the init started. */
  readonly warnReaped: boolean;
  /** The most verbose log level shown; the pipeline drops (and does not build) lines above it. */
  readonly logLevel: LogLevel;
  /** Names signals for log lines. */
  readonly signalName: (signal: number) => string;
}
