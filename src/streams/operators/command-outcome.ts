// Rule: how the command ended (SPEC §3.3 step 3, §3.1). Either it could not be
// started (127/126), or its own exit status arrives in a reap batch, possibly
// among hundreds of other exits. Emits once, then completes.
// `events` must be hot (shared): the command's exit is looked for in the
// events that follow its start.
import { filter, map, of, switchMap, take, type OperatorFunction } from 'rxjs';
import { describeExit, exitStatusOf } from '../../posix/exit-status.js';
import type { InitEvent } from '../events.js';
import { ofKind } from './of-kind.js';

export interface CommandOutcome {
  /** The exit status the init reports for the command (before any -e mapping). */
  readonly status: number;
  /** "the command (pid 7) exited with status 3", for log lines. */
  readonly description: string;
}

export function commandOutcome(signalName: (signal: number) => string): OperatorFunction<InitEvent, CommandOutcome> {
  return (events) =>
    events.pipe(
      filter((event) => event.kind === 'spawned' || event.kind === 'spawnFailed'),
      take(1),
      switchMap((start) => {
        if (start.kind === 'spawnFailed') {
          return of({ status: start.status, description: `the command could not be started (${start.reason})` });
        }
        if (start.kind !== 'spawned') throw new Error('unreachable');
        return events.pipe(
          ofKind('reaped'),
          map((batch) => batch.exits.find((exit) => exit.pid === start.pid)),
          filter((exit) => exit !== undefined),
          take(1),
          map((exit) => ({
            status: exitStatusOf(exit),
            description: `the command (pid ${exit.pid}) ${describeExit(exit, signalName)}`,
          })),
        );
      }),
    );
}
