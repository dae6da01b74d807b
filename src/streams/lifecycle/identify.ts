// Which program a pid is: the one place that answers it (for a reaped exit,
// for -w, for a probe's result).
import { isLive, type Lifecycle } from './state.js';

/** The index of the live program that runs as `pid`; -1 for none. */
export function serviceWithPid(state: Lifecycle, pid: number): number {
  return state.services.findIndex((service) => isLive(service) && service.pid === pid);
}

/** The index of the program whose health probe runs as `pid`; -1 for none. */
export function probeWithPid(state: Lifecycle, pid: number): number {
  return state.services.findIndex((service) => service.health?.probe?.pid === pid);
}
