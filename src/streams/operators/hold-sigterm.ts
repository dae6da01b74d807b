// Rule: --delay-term (SPEC §8). A SIGTERM is held back for the delay before
// anything acts on it (forwarding, or the shutdown without a command), so that
// a load balancer can stop sending traffic first. It announces itself at once
// with a 'held' event. A second SIGTERM during the delay acts at once, and so
// does the held one, first. Other signals are never delayed.
import { asyncScheduler, identity, Observable, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import { SIGTERM } from '../../posix/signals.js';
import type { InitEvent } from '../events.js';

export function holdSigterm(delayMs: number, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<InitEvent, InitEvent> {
  if (delayMs <= 0) return identity;
  return (events) =>
    new Observable<InitEvent>((subscriber) => {
      let held: Subscription | undefined;
      const release = (event: InitEvent): void => {
        held = undefined;
        subscriber.next(event);
      };
      const subscription = events.subscribe({
        next: (event) => {
          if (event.kind !== 'signal' || event.signal !== SIGTERM) return subscriber.next(event);
          if (held) {
            held.unsubscribe();
            release(event);
            return subscriber.next(event);
          }
          subscriber.next({ kind: 'held', signal: SIGTERM, ms: delayMs });
          held = scheduler.schedule(() => release(event), delayMs);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        held?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
