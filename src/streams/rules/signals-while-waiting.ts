// Rule: what a signal means once the shutdown has begun (SPEC §3.3): SIGTERM or
// SIGINT is broadcast again as SIGTERM (unless -B), any other signal is dropped
// with a debug line. Nothing cuts the wait short.
import { SIGINT, SIGTERM } from '../../posix/signals.js';
import { debugLine, log } from '../events.js';
import type { Rule } from '../lifecycle.js';

export const signalsWhileWaiting: Rule = ({ before, input }, config) => {
  if (input.kind !== 'signal' || before.phase !== 'waiting') return [];
  if ((input.signal === SIGTERM || input.signal === SIGINT) && config.broadcast) return [{ type: 'broadcast', signal: SIGTERM }];
  return debugLine(config.logLevel, () => {
    const name = config.signalName(input.signal);
    return log('debug', `dropping ${name}: waiting for the remaining children to exit`, { signal: name });
  });
};
