// Rule: once start-up is over, start every command (SPEC §3.1), in order.
import type { Action } from '../events.js';
import type { Rule } from '../lifecycle.js';

export const startCommands: Rule = ({ before, input }, config) => {
  if (input.kind !== 'ready' || before.phase !== 'starting') return [];
  return config.commands.map((_argv, command): Action => ({ type: 'spawn', command, processGroup: config.processGroup }));
};
