// Rule: --delay-term (SPEC §8). When a SIGTERM starts the delay, say so (after
// the line that it was received); the lifecycle delivers it when the timer fires.
import { SIGTERM } from '../../posix/signals.js';
import { log } from '../events.js';
import type { Rule } from '../lifecycle.js';

export const holdSigterm: Rule = ({ before, after }, config) => {
  if (before.timers.delayTerm !== undefined || after.timers.delayTerm === undefined) return [];
  const name = config.signalName(SIGTERM);
  return [log('info', `holding ${name} for ${config.delayTermMs / 1000} s before acting on it (--delay-term)`, { signal: name })];
};
