// Source: passes of the reap loop, as events. Each trigger (a SIGCHLD, a
// sweep the pipeline asked for, the start-up pass) runs the loop once; the
// loop itself is passed in (src/syscalls/wait.ts in the program).
import { map, type Observable } from 'rxjs';
import type { ChildExit, InitEvent } from '../events.js';

export interface ReapPass {
  readonly exits: readonly ChildExit[];
  readonly childless: boolean;
}

export function reapBatches(triggers: Observable<unknown>, reap: () => ReapPass): Observable<InitEvent> {
  return triggers.pipe(
    map((): InitEvent => {
      const { exits, childless } = reap();
      return { kind: 'reaped', exits, childless };
    }),
  );
}
