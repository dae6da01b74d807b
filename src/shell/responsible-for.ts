// The processes the init answers for (SPEC §3.3, §6, §10): as PID 1 of a
// namespace, every other process in it; anywhere else, its own descendants.
import { descendantsOf, processIds } from '../syscalls/proc.js';

/** In pid order. */
export function responsibleFor(self: number = process.pid): number[] {
  const pids = self === 1 ? processIds().filter((pid) => pid !== self) : descendantsOf(self);
  return pids.sort((a, b) => a - b);
}
