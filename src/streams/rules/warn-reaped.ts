// Rule: -w (SPEC §8). One WARN line for every reaped process that was not a
// command: zombies that something left behind, with their pid and status.
import { describeExit } from '../../posix/exit-status.js';
import { log } from '../events.js';
import type { Rule } from '../lifecycle.js';

export const warnReaped: Rule = ({ before, input }, config) => {
  if (!config.warnReaped || input.kind !== 'reaped') return [];
  const commands = new Set(before.commands.map((command) => command.pid));
  return input.exits
    .filter((exit) => !commands.has(exit.pid))
    .map((exit) => log('warn', `reaped zombie pid ${exit.pid}: ${describeExit(exit, config.signalName)}`));
};
