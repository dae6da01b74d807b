// Rule: the exit (SPEC §3.3 step 3, §10): one summary of the shutdown, then
// the outcome's status, or 0 when -e names it. Always the last line.
import { log, type Action } from '../events.js';
import type { Rule } from '../lifecycle/step.js';
import type { Lifecycle } from '../lifecycle/state.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 'es'}`;

function summary(state: Lifecycle, now: number): Action[] {
  if (!state.stop) return [];
  const seconds = ((now - state.stop.since) / 1000).toFixed(2);
  const signalled = state.shutdown?.step === 'sweep' ? state.shutdown.signalled : 0;
  const killed = state.stop.killed ?? 0;
  return [log('info', `the shutdown took ${seconds} s: signalled ${plural(signalled, 'process')}, ${state.stop.exited} exited after SIGTERM, ${killed} killed`)];
}

export const exitWithStatus: Rule<'exit'> = (_fact, { after, now }, config) => {
  const status = after.outcome?.status ?? 0;
  const lines = summary(after, now);
  if (status !== 0 && config.exitCodesToZero.has(status)) {
    return [...lines, log('info', `exiting with status 0 (status ${status}, mapped by -e ${status})`, { exitCode: 0 }), { type: 'exit', status: 0 }];
  }
  return [...lines, log('info', `exiting with status ${status}`, { exitCode: status }), { type: 'exit', status }];
};
