// The shutdown sequence (SPEC §3.3) once it has started: announce why,
// broadcast SIGTERM, wait for every child while handling signals that arrive
// meanwhile, then exit with the chosen status. With -W: exit at once.
import { concat, defer, EMPTY, endWith, ignoreElements, merge, mergeMap, of, share, take, takeUntil, type Observable, type OperatorFunction } from 'rxjs';
import type { SupervisorConfig } from '../config.js';
import { log, type Action, type InitEvent } from '../events.js';
import { broadcastSigterm, signalsWhileWaiting } from './broadcast.js';
import { exitWith } from './exit-status.js';
import type { ShutdownStart } from './shutdown-trigger.js';
import { waitUntilChildless } from './wait-all.js';

function waitPhase(config: SupervisorConfig, events: Observable<InitEvent>): Observable<Action> {
  if (!config.waitForChildren) return EMPTY;
  return defer(() => {
    const waiting = waitUntilChildless(events).pipe(share());
    const done = waiting.pipe(ignoreElements(), endWith(true));
    return merge(
      of(log('info', 'waiting for every child to exit')),
      waiting,
      events.pipe(signalsWhileWaiting(config), takeUntil(done)),
    );
  });
}

export function shutdownSequence(
  config: SupervisorConfig,
  events: Observable<InitEvent>,
): OperatorFunction<ShutdownStart, Action> {
  return (starts) =>
    starts.pipe(
      take(1),
      mergeMap((start) =>
        concat(
          of(log('info', `shutting down: ${start.reason}`)),
          broadcastSigterm(config),
          waitPhase(config, events),
          exitWith(start, config),
        ),
      ),
    );
}
