// Rules: the SIGTERM broadcast that opens the shutdown (SPEC §3.3 step 1,
// skipped with -B/-W), and what a signal means while the init waits for its
// children: SIGTERM or SIGINT is broadcast again as SIGTERM (unless -B), any
// other signal is dropped with a debug line. Nothing cuts the wait short.
import { EMPTY, map, of, type Observable, type OperatorFunction } from 'rxjs';
import { SIGINT, SIGTERM } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import { log, type Action, type InitEvent } from '../events.js';
import { ofKind } from './of-kind.js';

type BroadcastConfig = Pick<SupervisorConfig, 'broadcast' | 'signalName'>;

export function broadcastSigterm(config: BroadcastConfig): Observable<Action> {
  return config.broadcast ? of<Action>({ type: 'broadcast', signal: SIGTERM }) : EMPTY;
}

export function signalsWhileWaiting(config: BroadcastConfig): OperatorFunction<InitEvent, Action> {
  return (events) =>
    events.pipe(
      ofKind('signal'),
      map(({ signal }): Action => {
        const name = config.signalName(signal);
        if ((signal === SIGTERM || signal === SIGINT) && config.broadcast) {
          return { type: 'broadcast', signal: SIGTERM };
        }
        return log('debug', `dropping ${name}: waiting for the remaining children to exit`, { signal: name });
      }),
    );
}
