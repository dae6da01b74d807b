// Source: passes of the reap loop, as events. The first pass runs as soon as
// the source is subscribed. After that, a storm of exits brings a storm
// of SIGCHLDs (and the pipeline may ask for a sweep at any moment); all the
// triggers that arrive in one turn of the event loop are served by a single
// pass, run once the turn's callbacks are done (setImmediate). That also means
// a sweep the pipeline asks for never re-enters it. A pass that reaped nothing
// and still has children tells nothing and is not emitted.
import { concat, filter, map, Observable, of, type OperatorFunction } from 'rxjs';
import type { ChildExit, InitEvent } from '../events.js';

export interface ReapPass {
  readonly exits: readonly ChildExit[];
  readonly childless: boolean;
}

/** Emits once per event-loop turn in which the source emitted at least once. */
export function oncePerTurn<T>(): OperatorFunction<T, void> {
  return (source) =>
    new Observable<void>((subscriber) => {
      let pending: NodeJS.Immediate | undefined;
      const subscription = source.subscribe({
        next: () => {
          pending ??= setImmediate(() => {
            pending = undefined;
            subscriber.next();
          });
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        if (pending) clearImmediate(pending);
        subscription.unsubscribe();
      };
    });
}

/** The first pass runs at subscription, at once: it reaps the zombies that were there before the init. */
export function reapBatches(triggers: Observable<unknown>, reap: () => ReapPass): Observable<InitEvent> {
  return concat(of(undefined), triggers.pipe(oncePerTurn())).pipe(
    map(reap),
    filter((pass) => pass.exits.length > 0 || pass.childless),
    map(({ exits, childless }): InitEvent => ({ kind: 'reaped', exits, childless })),
  );
}
