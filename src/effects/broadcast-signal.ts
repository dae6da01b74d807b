// The processes the init answers for (SPEC §3.3, §6, §10, §12), and the
// broadcast that reaches them. As PID 1 of a namespace it answers for every
// other process in it, and kill(-1) reaches them all in one call. Anywhere
// else it answers for its own descendants only, and never a process outside
// its tree, whose /proc ever shows it: kill(-1) would reach every process the
// user may signal, so the init signals its descendants one by one instead.
import { ESRCH, type SyscallError } from '../syscalls/errors.js';
import { descendants, namespaceProcesses, type Seen } from '../syscalls/proc.js';
import { sendSignal } from '../syscalls/send-signal.js';

/** In pid order. */
export function responsibleFor(self: number = process.pid): Seen[] {
  return (self === 1 ? namespaceProcesses() : descendants()).sort((a, b) => a.pid - b.pid);
}

export interface BroadcastResult {
  /** The processes signalled. */
  readonly reached: readonly Seen[];
  readonly errors: readonly SyscallError[];
}

/** `targets`: who the init answers for, looked up just before (responsibleFor, above). */
export function broadcastSignal(signal: number, label: string, targets: readonly Seen[] = responsibleFor(), self: number = process.pid): BroadcastResult {
  if (self === 1) {
    const error = sendSignal(-1, signal, label);
    if (error?.code === ESRCH) return { reached: [], errors: [] };
    return { reached: targets, errors: error ? [error] : [] };
  }
  const reached: Seen[] = [];
  const errors: SyscallError[] = [];
  for (const target of targets) {
    const error = sendSignal(target.pid, signal, label);
    if (!error) reached.push(target);
    else if (error.code !== ESRCH) errors.push(error); // ESRCH: it exited meanwhile
  }
  return { reached, errors };
}
