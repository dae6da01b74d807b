// Rule: the status the init exits with (SPEC §3.3 step 3): the one the
// shutdown start carries (the command's status, 128+N, 127/126, or 0 without a
// command), made 0 when -e names it. Ends the action stream.
import { of, type Observable } from 'rxjs';
import type { SupervisorConfig } from '../config.js';
import { log, type Action } from '../events.js';
import type { ShutdownStart } from './shutdown-trigger.js';

export function exitWith(start: ShutdownStart, config: Pick<SupervisorConfig, 'exitCodesToZero'>): Observable<Action> {
  if (config.exitCodesToZero.has(start.status) && start.status !== 0) {
    return of<Action[]>(
      log('info', `exiting with status 0 (status ${start.status}, mapped by -e ${start.status})`, { exitCode: 0 }),
      { type: 'exit', status: 0 },
    );
  }
  return of<Action[]>(
    log('info', `exiting with status ${start.status}`, { exitCode: start.status }),
    { type: 'exit', status: start.status },
  );
}
