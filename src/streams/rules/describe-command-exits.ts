// Rule: with several commands (--run, SPEC §15), every command's exit gets an
// info line of its own, with its pid and command line: the first one starts
// the shutdown, the others end during it. (With one command, the line that
// starts the shutdown says it all.)
import { describeExit } from '../../posix/exit-status.js';
import { log, type Action } from '../events.js';
import { commandLabel, type Rule } from '../lifecycle.js';

export const describeCommandExits: Rule = ({ before, input }, config) => {
  if (input.kind !== 'reaped' || config.commands.length <= 1) return [];
  return input.exits.flatMap((exit): Action[] => {
    const index = before.commands.findIndex((command) => command.pid === exit.pid && !command.outcome);
    return index === -1 ? [] : [log('info', `${commandLabel(index, exit.pid, config)} ${describeExit(exit, config.signalName)}`)];
  });
};
