// Rule: where a signal for the command goes (SPEC §4, §2 -g). With -g the
// command leads its own process group and SIGTERM goes to the whole group;
// every other signal, and SIGTERM without -g, goes to the command's pid.
import { mergeMap, type OperatorFunction } from 'rxjs';
import { SIGTERM } from '../../posix/signals.js';
import type { SupervisorConfig } from '../config.js';
import { isLogged, log, type Action } from '../events.js';
import type { SignalForCommand } from './command-signals.js';

type RouteConfig = Pick<SupervisorConfig, 'signalGroup' | 'forwarded' | 'signalName' | 'logLevel'>;

export function targetFor(signal: number, pid: number, config: Pick<SupervisorConfig, 'signalGroup'>): number {
  return config.signalGroup && signal === SIGTERM ? -pid : pid;
}

function route({ signal, pid, original }: SignalForCommand, config: RouteConfig): Action[] {
  const received = original ?? signal;
  const name = config.signalName(received);
  if (pid === null) return [log('debug', `dropping ${name}: the command never started`, { signal: name })];
  if (!config.forwarded.has(received)) return [log('debug', `not forwarding ${name}`, { signal: name })];
  if (signal === 0) return [log('debug', `dropping ${name} (--rewrite)`, { signal: name })];
  const target = targetFor(signal, pid, config);
  const forward: Action = { type: 'forward', signal, target };
  // The hot path: the debug line is only built when it will be shown.
  if (!isLogged('debug', config.logLevel)) return [forward];
  const to = target < 0 ? `process group ${-target}` : `pid ${target}`;
  const sent = config.signalName(signal);
  const what = original === undefined ? sent : `${sent} (for ${name}, --rewrite)`;
  return [log('debug', `forwarding ${what} to ${to}`, { signal: sent, target }), forward];
}

export function routeSignals(config: RouteConfig): OperatorFunction<SignalForCommand, Action> {
  return mergeMap((item) => route(item, config));
}
