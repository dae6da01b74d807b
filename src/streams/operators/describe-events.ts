// Rule: the log lines that events themselves deserve (SPEC §5): the command
// started (info) or could not be (error), and at debug level every signal
// received and every reaped pid with its status. Lines above the configured
// level are not even built, so reaping thousands of orphans costs no logging.
import { mergeMap, type OperatorFunction } from 'rxjs';
import { describeExit } from '../../posix/exit-status.js';
import type { SupervisorConfig } from '../config.js';
import { isLogged, log, type Action, type InitEvent } from '../events.js';

type DescribeConfig = Pick<SupervisorConfig, 'logLevel' | 'signalName'>;

function describe(event: InitEvent, config: DescribeConfig): Action[] {
  const debug = isLogged('debug', config.logLevel);
  switch (event.kind) {
    case 'spawned':
      return [log('info', `started the command as pid ${event.pid}`)];
    case 'spawnFailed':
      return [log('error', `cannot run ${JSON.stringify(event.command)}: ${event.reason}`, { exitCode: event.status })];
    case 'signal': {
      if (!debug) return [];
      const name = config.signalName(event.signal);
      return [log('debug', `received ${name}`, { signal: name })];
    }
    case 'reaped':
      if (!debug) return [];
      return event.exits.map((exit) => log('debug', `reaped pid ${exit.pid}: ${describeExit(exit, config.signalName)}`));
    case 'held': {
      const name = config.signalName(event.signal);
      return [log('info', `holding ${name} for ${event.ms / 1000} s before acting on it (--delay-term)`, { signal: name })];
    }
  }
}

export function describeEvents(config: DescribeConfig): OperatorFunction<InitEvent, Action> {
  return mergeMap((event) => describe(event, config));
}
