// Rules for signals (SPEC §3.2, §4, §8, §11): where a delivered signal goes
// (each live program's pid; its group for SIGTERM with -g; rewritten by
// --rewrite), why a dropped one goes nowhere, and --delay-term's hold.
import { SIGTERM } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import { debugLine, log, type Action } from '../events.js';
import type { DropReason, Rule } from '../lifecycle/step.js';

function forward(received: number, pid: number, config: SupervisorConfig): Action[] {
  const name = config.signalName(received);
  if (!config.forwarded.has(received)) return debugLine(config.logLevel, () => log('debug', `not forwarding ${name}`, { signal: name }));
  const signal = config.rewrites.get(received) ?? received;
  if (signal === 0) return debugLine(config.logLevel, () => log('debug', `dropping ${name} (--rewrite)`, { signal: name }));
  const target = config.processGroup && signal === SIGTERM ? -pid : pid;
  const line = debugLine(config.logLevel, () => {
    const to = target < 0 ? `process group ${-target}` : `pid ${target}`;
    const sent = config.signalName(signal);
    const what = signal === received ? sent : `${sent} (for ${name}, --rewrite)`;
    return log('debug', `forwarding ${what} to ${to}`, { signal: sent, target });
  });
  return [...line, { type: 'forward', signal, target }];
}

export const deliverSignal: Rule<'deliver'> = ({ signal, services }, { after }, config) =>
  services.flatMap((index) => forward(signal, after.services[index]!.pid!, config));

const WHY: Readonly<Record<DropReason, (name: string) => string>> = {
  notStarted: (name) => `dropping ${name}: the command has not started yet`,
  atStartUp: (name) => `dropping ${name}: it came while Node.js was starting`,
  noCommand: (name) => `ignoring ${name}: there is no command to forward it to`,
  noneRunning: (name) => `dropping ${name}: no program is running to take it`,
  shuttingDown: (name) => `dropping ${name}: waiting for the remaining children to exit`,
};

export const dropSignal: Rule<'drop'> = ({ signal, why }, _step, config) =>
  debugLine(config.logLevel, () => {
    const name = config.signalName(signal);
    return log('debug', WHY[why](name), { signal: name });
  });

export const holdSigterm: Rule<'hold'> = ({ signal }, _step, config) => {
  const name = config.signalName(signal);
  return [log('info', `holding ${name} for ${config.delayTermMs / 1000} s before acting on it (--delay-term)`, { signal: name })];
};
