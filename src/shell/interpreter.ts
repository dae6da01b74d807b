// Performs the pipeline's actions with real system calls. A failed call is
// logged with its reason and never ends the init.
import type { Action } from '../streams/events.js';
import type { Logger } from '../log/logger.js';
import { sendSignal } from '../syscalls/kill.js';
import { broadcastSignal } from './broadcast.js';

export interface InterpreterDeps {
  readonly logger: Logger;
  readonly signalName: (signal: number) => string;
  /** Asks for a pass of the reap loop (the reap source runs it after the current turn). */
  readonly requestSweep: () => void;
  readonly exit: (status: number) => void;
}

export function createInterpreter({ logger, signalName, requestSweep, exit }: InterpreterDeps): (action: Action) => void {
  return (action) => {
    switch (action.type) {
      case 'forward': {
        const error = sendSignal(action.target, action.signal, signalName(action.signal));
        if (error) logger.log('error', error.message, { signal: signalName(action.signal), target: action.target });
        return;
      }
      case 'broadcast': {
        const name = signalName(action.signal);
        const { count, errors } = broadcastSignal(action.signal, name);
        for (const error of errors) logger.log('error', error.message, { signal: name });
        logger.log('info', `sent ${name} to ${count} process${count === 1 ? '' : 'es'}`, { signal: name });
        return;
      }
      case 'sweep':
        requestSweep();
        return;
      case 'log':
        logger.log(action.level, action.message, action.fields);
        return;
      case 'exit':
        exit(action.status);
        return;
    }
  };
}
