// Rule: the status the init exits with (SPEC §3.3 step 3): the one the
// shutdown start carries (the command's status, 128+N, 127/126, or 0 without a
// command). Ends the action stream.
import { of, type Observable } from 'rxjs';
import { log, type Action } from '../events.js';
import type { ShutdownStart } from './shutdown-trigger.js';

export function exitWith(start: ShutdownStart): Observable<Action> {
  return of<Action[]>(
    log('info', `exiting with status ${start.status}`, { exitCode: start.status }),
    { type: 'exit', status: start.status },
  );
}
