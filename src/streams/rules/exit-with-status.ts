// Rule: the exit (SPEC §3.3 step 3, §10): one summary of the shutdown, then
// the stop's status, or 0 when -e names it.
import { log, type Action } from '../events.js';
import type { Lifecycle, Rule } from '../lifecycle.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 'es'}`;

function summary(state: Lifecycle, now: number): Action[] {
  if (!state.stopping) return [];
  const seconds = ((now - state.stopping.since) / 1000).toFixed(2);
  const signalled = state.shutdown?.signalled ?? 0;
  const killed = state.stopping.killed ?? 0;
  return [log('info', `the shutdown took ${seconds} s: signalled ${plural(signalled, 'process')}, ${state.stopping.exited} exited after SIGTERM, ${killed} killed`)];
}

export const exitWithStatus: Rule = ({ before, after, now }, config) => {
  if (before.phase === 'exiting' || after.phase !== 'exiting') return [];
  const status = after.stop?.status ?? 0;
  const lines = summary(after, now);
  if (status !== 0 && config.exitCodesToZero.has(status)) {
    return [...lines, log('info', `exiting with status 0 (status ${status}, mapped by -e ${status})`, { exitCode: 0 }), { type: 'exit', status: 0 }];
  }
  return [...lines, log('info', `exiting with status ${status}`, { exitCode: status }), { type: 'exit', status }];
};
