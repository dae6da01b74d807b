// Rule: what starts the shutdown sequence (SPEC §3.3). With a command: its end
// (exit, death by a signal, or failure to start). Without one: SIGTERM, or
// SIGINT unless -I. Emits once, then completes.
import { filter, map, take, type OperatorFunction } from 'rxjs';
import { SIGINT, SIGTERM } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import type { InitEvent } from '../events.js';
import { commandOutcome } from './command-outcome.js';
import { ofKind } from './of-kind.js';

export interface ShutdownStart {
  /** Why, for the log: "the command (pid 7) exited with status 3", "received SIGTERM". */
  readonly reason: string;
  /** The exit status the init will report (before any -e mapping). */
  readonly status: number;
}

type TriggerConfig = Pick<SupervisorConfig, 'hasCommand' | 'shutdownOnSigint' | 'signalName'>;

/** In no-command mode, whether a signal starts the shutdown. */
export function isShutdownSignal(signal: number, config: Pick<SupervisorConfig, 'shutdownOnSigint'>): boolean {
  return signal === SIGTERM || (signal === SIGINT && config.shutdownOnSigint);
}

export function shutdownTrigger(config: TriggerConfig): OperatorFunction<InitEvent, ShutdownStart> {
  if (config.hasCommand) {
    return (events) =>
      events.pipe(
        commandOutcome(config.signalName),
        map((outcome) => ({ reason: outcome.description, status: outcome.status })),
      );
  }
  return (events) =>
    events.pipe(
      ofKind('signal'),
      filter((event) => isShutdownSignal(event.signal, config)),
      take(1),
      map((event) => ({ reason: `received ${config.signalName(event.signal)}`, status: 0 })),
    );
}
