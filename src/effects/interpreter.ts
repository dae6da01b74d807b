// Performs the pipeline's actions with real system calls, and feeds back what
// they taught as events: a command's pid or why it could not start, how many
// processes a broadcast reached, whom --grace killed, who is still there, a
// call that failed. Nothing it does ends the
// init but the exit action.
import type { Logger } from '../output/logger.js';
import type { ControlReply } from '../streams/control.js';
import type { Action, InitEvent } from '../streams/events.js';
import { SIGKILL } from '../posix/signals.js';
import { commandLine, isZombie } from '../syscalls/proc.js';
import { sendSignal } from '../syscalls/send-signal.js';
import { broadcastSignal, responsibleFor } from './broadcast-signal.js';

export interface InterpreterDeps {
  readonly logger: Logger;
  readonly signalName: (signal: number) => string;
  /** Starts a command; returns what came of it. */
  readonly start: (action: Extract<Action, { type: 'spawn' }>) => InitEvent[];
  /** Starts a service's health probe; returns what came of it. */
  readonly probe: (service: number) => InitEvent[];
  /** Starts one of a service's lifecycle hooks; returns what came of it. */
  readonly hook: (action: Extract<Action, { type: 'hook' }>) => InitEvent[];
  /** Asks the reap source for a pass. */
  readonly sweep: () => void;
  /** Back into the pipeline. */
  readonly feedback: (event: InitEvent) => void;
  /** Before the first line of the exit: what the services wrote goes out first. */
  readonly beforeFinalLines: () => void;
  /** Answers control request `id`. */
  readonly reply: (id: number, reply: ControlReply) => void;
  readonly exit: (status: number) => void;
}

export function createInterpreter({ logger, signalName, start, probe, hook, sweep, feedback, beforeFinalLines, reply, exit }: InterpreterDeps): (action: Action) => void {
  let finalLines = false;
  return (action) => {
    switch (action.type) {
      case 'spawn':
        for (const event of start(action)) feedback(event);
        return;
      case 'forward': {
        const name = signalName(action.signal);
        const error = sendSignal(action.target, action.signal, name);
        if (error) feedback({ kind: 'note', level: 'error', message: error.message, fields: { signal: name, target: action.target } });
        return;
      }
      case 'broadcast': {
        const name = signalName(action.signal);
        const { reached, errors } = broadcastSignal(action.signal, name);
        for (const error of errors) feedback({ kind: 'note', level: 'error', message: error.message, fields: { signal: name } });
        feedback({ kind: 'signalled', signal: action.signal, count: reached.length });
        return;
      }
      case 'kill': {
        // Named before they die: a zombie has no command line left.
        const targets = responsibleFor();
        const names = new Map(targets.map(({ pid, proc }) => [pid, commandLine(proc)]));
        const { reached, errors } = broadcastSignal(SIGKILL, signalName(SIGKILL), targets);
        for (const error of errors) feedback({ kind: 'note', level: 'error', message: error.message, fields: { signal: signalName(SIGKILL) } });
        feedback({ kind: 'killed', processes: reached.map(({ pid }) => ({ pid, command: names.get(pid)! })) });
        return;
      }
      case 'report': {
        // A zombie is about to be reaped: it keeps nothing waiting.
        const alive = responsibleFor().filter(({ proc }) => !isZombie(proc));
        feedback({ kind: 'remaining', processes: alive.map(({ pid, proc }) => ({ pid, command: commandLine(proc) })) });
        return;
      }
      case 'probe':
        for (const event of probe(action.service)) feedback(event);
        return;
      case 'hook':
        for (const event of hook(action)) feedback(event);
        return;
      case 'sweep':
        sweep();
        return;
      case 'log':
        if (action.final && !finalLines) {
          finalLines = true;
          beforeFinalLines();
        }
        logger.log(action.level, action.message, action.fields, action.final === true);
        return;
      case 'reply':
        reply(action.id, action.reply);
        return;
      case 'exit':
        exit(action.status);
        return;
    }
  };
}
