// Rule: wait until the init has no child left at all (SPEC §3.3 step 2). It
// asks for a fresh pass of the reap loop first: a child may have been
// re-parented to the init since the last pass, and re-parenting sends no
// SIGCHLD. Emits the sweep request, then completes at the first pass after it
// that ends in ECHILD. (It listens before asking, so the answer cannot be missed.)
import { filter, ignoreElements, merge, of, take, type Observable } from 'rxjs';
import type { Action, InitEvent } from '../events.js';
import { ofKind } from './of-kind.js';

export function waitUntilChildless(events: Observable<InitEvent>): Observable<Action> {
  return merge(
    events.pipe(
      ofKind('reaped'),
      filter((batch) => batch.childless),
      take(1),
      ignoreElements(),
    ),
    of<Action>({ type: 'sweep' }),
  );
}
