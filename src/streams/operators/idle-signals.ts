// Rule: in no-command mode, signals other than the shutdown triggers have no
// one to go to; they are logged at debug level and otherwise ignored (SPEC §3.2).
import { filter, map, type OperatorFunction } from 'rxjs';
import type { SupervisorConfig } from '../config.js';
import { log, type Action, type InitEvent } from '../events.js';
import { ofKind } from './of-kind.js';
import { isShutdownSignal } from './shutdown-trigger.js';

export function ignoreIdleSignals(
  config: Pick<SupervisorConfig, 'shutdownOnSigint' | 'signalName'>,
): OperatorFunction<InitEvent, Action> {
  return (events) =>
    events.pipe(
      ofKind('signal'),
      filter((event) => !isShutdownSignal(event.signal, config)),
      map((event) => {
        const name = config.signalName(event.signal);
        return log('debug', `ignoring ${name}: there is no command to forward it to`, { signal: name });
      }),
    );
}
