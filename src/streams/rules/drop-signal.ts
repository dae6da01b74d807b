// Rule: a signal that goes nowhere says why, at debug level (SPEC §3.2, §3.3,
// §11): before the commands start (it would only kill a program whose
// handlers do not exist yet), with no command, with no program running, or
// during the shutdown's wait.
import { debugLine, log } from '../events.js';
import type { DropReason, Rule } from '../lifecycle/step.js';

const WHY: Readonly<Record<DropReason, (name: string) => string>> = {
  notStarted: (name) => `dropping ${name}: the command has not started yet`,
  noCommand: (name) => `ignoring ${name}: there is no command to forward it to`,
  noneRunning: (name) => `dropping ${name}: no program is running to take it`,
  shuttingDown: (name) => `dropping ${name}: waiting for the remaining children to exit`,
};

export const dropSignal: Rule<'drop'> = ({ signal, why }, _step, config) =>
  debugLine(config.logLevel, () => {
    const name = config.signalName(signal);
    return log('debug', WHY[why](name), { signal: name });
  });
