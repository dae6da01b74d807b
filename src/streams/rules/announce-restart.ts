// Rule: a restart (SPEC §17) is announced at info level when it is decided:
// the program, the delay (Docker's backoff), the restart count, and how its
// run ended.
import { log } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Rule } from '../lifecycle/step.js';

export const announceRestart: Rule<'restarting'> = ({ service, delayMs, restarts }, { after }, config) => {
  const how = after.services[service]!.lastExit?.how ?? 'ended';
  return [log('info', `restarting ${serviceLabel(config, service)} in ${delayMs / 1000} s (restart ${restarts}; it ${how})`)];
};
