// Rule: the exit (SPEC §3.3 step 3): the stop's status, or 0 when -e names it.
import { log } from '../events.js';
import type { Rule } from '../lifecycle.js';

export const exitWithStatus: Rule = ({ before, after }, config) => {
  if (before.phase === 'exiting' || after.phase !== 'exiting') return [];
  const status = after.stop?.status ?? 0;
  if (status !== 0 && config.exitCodesToZero.has(status)) {
    return [log('info', `exiting with status 0 (status ${status}, mapped by -e ${status})`, { exitCode: 0 }), { type: 'exit', status: 0 }];
  }
  return [log('info', `exiting with status ${status}`, { exitCode: status }), { type: 'exit', status }];
};
