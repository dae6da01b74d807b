// Rules for the shutdown sequence (SPEC §3.3, §10): why it begins, the
// broadcast, the sweep (wait until no child is left), --grace's kill, the
// "still waiting" reports, and the exit: one summary, then the status (or 0
// when -e names it), always the last line.
import { SIGTERM } from '../../posix/signals.js';
import { log, type Action } from '../events.js';
import type { Lifecycle } from '../lifecycle/state.js';
import type { Rule } from '../lifecycle/step.js';

export const announceShutdown: Rule<'shutdown'> = (_fact, { after }) => [log('info', `shutting down: ${after.outcome?.reason ?? 'unknown'}`)];

export const broadcastSigterm: Rule<'broadcast'> = () => [{ type: 'broadcast', signal: SIGTERM }];

export const waitForChildren: Rule<'sweep'> = () => [log('info', 'waiting for every child to exit'), { type: 'sweep' }];

export const killAtGrace: Rule<'killAll'> = () => [{ type: 'kill' }];

export const reportRemaining: Rule<'report'> = () => [{ type: 'report' }];

/** A line of the exit: never dropped, whatever waits to be written (SPEC §16). */
const final = (action: Action): Action => ({ ...action, final: true }) as Action;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 'es'}`;

function summary(state: Lifecycle, now: number): Action[] {
  if (!state.stop) return [];
  const seconds = ((now - state.stop.since) / 1000).toFixed(2);
  const signalled = state.shutdown?.step === 'sweep' ? state.shutdown.signalled : 0;
  const killed = state.stop.killed ?? 0;
  return [final(log('info', `the shutdown took ${seconds} s: signalled ${plural(signalled, 'process')}, ${state.stop.exited} exited after SIGTERM, ${killed} killed`))];
}

export const exitWithStatus: Rule<'exit'> = (_fact, { after, now }, config) => {
  const status = after.outcome?.status ?? 0;
  const lines = summary(after, now);
  if (status !== 0 && config.exitCodesToZero.has(status)) {
    return [...lines, final(log('info', `exiting with status 0 (status ${status}, mapped by -e ${status})`, { exitCode: 0 })), { type: 'exit', status: 0 }];
  }
  return [...lines, final(log('info', `exiting with status ${status}`, { exitCode: status })), { type: 'exit', status }];
};
