// Rule: --rewrite FROM:TO (SPEC §8). A signal meant for the command goes out
// as another one, or not at all (TO 0). Only forwarding is rewritten: what
// starts the shutdown without a command, and what is broadcast while waiting,
// are not.
import { map, type OperatorFunction } from 'rxjs';
import type { SupervisorConfig } from '../config.js';
import type { SignalForCommand } from './command-signals.js';

export function rewriteSignals(config: Pick<SupervisorConfig, 'rewrites'>): OperatorFunction<SignalForCommand, SignalForCommand> {
  return map((item) => {
    const to = config.rewrites.get(item.signal);
    return to === undefined ? item : { ...item, signal: to, original: item.signal };
  });
}
