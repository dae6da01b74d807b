// The processes the init answers for (SPEC §3.3, §6, §10, §12): as PID 1 of a
// namespace, every other process in it; anywhere else, its own descendants,
// and never a process outside its tree, whose /proc ever shows it.
import { descendants, namespaceProcesses, type Seen } from '../syscalls/proc.js';

/** In pid order. */
export function responsibleFor(self: number = process.pid): Seen[] {
  return (self === 1 ? namespaceProcesses() : descendants()).sort((a, b) => a.pid - b.pid);
}
