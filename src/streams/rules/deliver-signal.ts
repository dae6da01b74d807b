// Rule: where a delivered signal goes (SPEC §4, §2 -g, §8 --rewrite): to each
// program it reaches, rewritten if --rewrite says so; with -g a SIGTERM goes
// to the program's whole process group.
import { SIGTERM } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import { debugLine, log, type Action } from '../events.js';
import type { Rule } from '../lifecycle/step.js';

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
