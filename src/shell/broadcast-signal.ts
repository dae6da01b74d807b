// The shutdown broadcast (SPEC §3.3 step 1, §6). As PID 1 of a namespace,
// kill(-1) reaches every process in it but the init. Anywhere else kill(-1)
// would reach every process the user may signal, so the init signals its own
// descendants one by one instead; a process outside its tree is never touched.
import { ESRCH, type SyscallError } from '../syscalls/errors.js';
import { sendSignal } from '../syscalls/send-signal.js';
import { descendantsOf, processIds } from '../syscalls/proc.js';

export interface BroadcastResult {
  /** How many processes were signalled. */
  readonly count: number;
  readonly errors: readonly SyscallError[];
}

export function broadcastSignal(signal: number, label: string, self: number = process.pid): BroadcastResult {
  if (self === 1) {
    const count = processIds().filter((pid) => pid !== self).length;
    const error = sendSignal(-1, signal, label);
    if (error?.code === ESRCH) return { count: 0, errors: [] };
    return { count, errors: error ? [error] : [] };
  }
  let count = 0;
  const errors: SyscallError[] = [];
  for (const pid of descendantsOf(self)) {
    const error = sendSignal(pid, signal, label);
    if (!error) count += 1;
    else if (error.code !== ESRCH) errors.push(error); // ESRCH: it exited meanwhile
  }
  return { count, errors };
}
