// Source: passes of the reap loop, as events. The first pass runs as soon as
// the source is subscribed (it reaps the zombies that were there before the
// init). After that, a storm of exits brings a storm of SIGCHLDs, and the
// pipeline may ask for a sweep at any moment: every request made in one turn
// of the event loop is served by a single pass, run once the turn's callbacks
// are done (setImmediate). A pass that reaped nothing and still has children
// tells nothing and is not emitted.
import { Observable, type SchedulerLike } from 'rxjs';
import type { InitEvent, ReapedExit } from '../events.js';

export interface ReapPass {
  readonly exits: readonly ReapedExit[];
  readonly childless: boolean;
  /** Why the pass stopped early, for the log. */
  readonly error?: string;
}

export interface ReapSource {
  readonly passes: Observable<InitEvent>;
  /** Asks for a pass (after a SIGCHLD, or when the pipeline sweeps). */
  request(): void;
}

/**
 * `turn`: where "once the turn's callbacks are done" is; by default Node's
 * setImmediate, a TestScheduler in the marble tests (a pass then runs at the
 * frame of the requests, after them).
 */
export function reapPasses(reap: () => ReapPass, turn?: SchedulerLike): ReapSource {
  let run: (() => void) | undefined;
  /** Cancels the pass asked for and not run yet. */
  let cancelPending: (() => void) | undefined;
  const afterTurn = (task: () => void): (() => void) => {
    if (turn) {
      const action = turn.schedule(task);
      return () => action.unsubscribe();
    }
    const immediate = setImmediate(task);
    return () => clearImmediate(immediate);
  };
  const passes = new Observable<InitEvent>((subscriber) => {
    run = () => {
      const pass = reap();
      if (pass.error !== undefined) subscriber.next({ kind: 'note', level: 'error', message: pass.error });
      if (pass.exits.length > 0 || pass.childless) subscriber.next({ kind: 'reaped', exits: pass.exits, childless: pass.childless });
    };
    run();
    return () => {
      run = undefined;
      cancelPending?.();
      cancelPending = undefined;
    };
  });
  return {
    passes,
    request() {
      // Before the first subscription there is nothing to do: the first pass comes then anyway.
      if (!run || cancelPending) return;
      cancelPending = afterTurn(() => {
        cancelPending = undefined;
        run?.();
      });
    },
  };
}
