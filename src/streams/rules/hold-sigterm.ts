// Rule: --delay-term (SPEC §8). When a SIGTERM starts the delay, say so (after
// the line that it was received); the lifecycle acts on it when the timer fires.
import { log } from '../events.js';
import type { Rule } from '../lifecycle/step.js';

export const holdSigterm: Rule<'hold'> = ({ signal }, _step, config) => {
  const name = config.signalName(signal);
  return [log('info', `holding ${name} for ${config.delayTermMs / 1000} s before acting on it (--delay-term)`, { signal: name })];
};
