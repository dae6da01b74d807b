// The shutdown broadcast (SPEC §3.3 step 1, §6, §10). As PID 1 of a namespace,
// kill(-1) reaches every process in it but the init, in one call. Anywhere
// else kill(-1) would reach every process the user may signal, so the init
// signals its own descendants one by one instead; a process outside its tree
// is never touched.
import { ESRCH, type SyscallError } from '../syscalls/errors.js';
import type { Seen } from '../syscalls/proc.js';
import { sendSignal } from '../syscalls/send-signal.js';
import { responsibleFor } from './responsible-for.js';

export interface BroadcastResult {
  /** The processes signalled. */
  readonly reached: readonly Seen[];
  readonly errors: readonly SyscallError[];
}

/** `targets`: who the init answers for, looked up just before (responsible-for.ts). */
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
