// Rule: -w (SPEC §8). One WARN line for every reaped process that was none of
// the init's programs: zombies that something left behind, with their pid and status.
import { describeExit } from '../../posix/exit-status.js';
import { log } from '../events.js';
import type { Rule } from '../lifecycle/step.js';

export const warnReaped: Rule<'orphan'> = ({ exit }, _step, config) =>
  config.warnReaped ? [log('warn', `reaped zombie pid ${exit.pid}: ${describeExit(exit, config.signalName)}`)] : [];
