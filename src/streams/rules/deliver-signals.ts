// Rule: where a delivered signal goes (SPEC §4, §2 -g, §8 --rewrite, §11). To
// every running command, rewritten if --rewrite says so; with -g SIGTERM goes
// to the command's whole process group. Without a command, a signal that does
// not start the shutdown has no one to go to (SPEC §3.2). Before the commands
// start, it is dropped.
import { SIGTERM } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import { debugLine, log, type Action } from '../events.js';
import { isShutdownSignal, runningCommands, type Rule } from '../lifecycle.js';

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

function nowhere(signal: number, config: SupervisorConfig): Action[] {
  const name = config.signalName(signal);
  if (isShutdownSignal(signal, config)) return [];
  return debugLine(config.logLevel, () => log('debug', `ignoring ${name}: there is no command to forward it to`, { signal: name }));
}

/** SPEC §11: before the commands start, a signal other than a stop would only kill a command whose handlers do not exist yet. */
function notYet(signal: number, config: SupervisorConfig): Action[] {
  return debugLine(config.logLevel, () => {
    const name = config.signalName(signal);
    return log('debug', `dropping ${name}: the command has not started yet`, { signal: name });
  });
}

export const deliverSignals: Rule = ({ after }, config) => {
  if (after.dropped.length > 0) return after.dropped.flatMap((signal) => notYet(signal, config));
  if (after.delivered.length === 0) return [];
  const targets = runningCommands(after);
  return after.delivered.flatMap((signal) =>
    targets.length === 0 ? nowhere(signal, config) : targets.flatMap((command) => forward(signal, command.pid, config)),
  );
};
