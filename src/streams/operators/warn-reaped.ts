// Rule: -w (SPEC §8). One WARN line for every reaped process that was not the
// command: zombies that something left behind, with their pid and status.
import { EMPTY, mergeMap, scan, type OperatorFunction } from 'rxjs';
import { describeExit } from '../../posix/exit-status.js';
import type { SupervisorConfig } from '../config.js';
import { log, type Action, type InitEvent } from '../events.js';

interface Seen {
  readonly command: number | null;
  readonly warnings: readonly Action[];
}

export function warnReaped(config: Pick<SupervisorConfig, 'warnReaped' | 'signalName'>): OperatorFunction<InitEvent, Action> {
  if (!config.warnReaped) return () => EMPTY;
  return (events) =>
    events.pipe(
      scan<InitEvent, Seen>(
        (seen, event) => {
          if (event.kind === 'spawned') return { command: event.pid, warnings: [] };
          if (event.kind !== 'reaped') return { ...seen, warnings: [] };
          const warnings = event.exits
            .filter((exit) => exit.pid !== seen.command)
            .map((exit) => log('warn', `reaped zombie pid ${exit.pid}: ${describeExit(exit, config.signalName)}`));
          return { ...seen, warnings };
        },
        { command: null, warnings: [] },
      ),
      mergeMap((seen) => seen.warnings),
    );
}
