import { lastError, type SyscallError } from './errors.js';
import { libc } from './libc.js';

const PR_SET_PDEATHSIG = 1;
const PR_SET_CHILD_SUBREAPER = 36;
const PR_GET_CHILD_SUBREAPER = 37;

/** Orphans of the init's own tree are re-parented to it, as they would be to PID 1. */
export function becomeChildSubreaper(): SyscallError | undefined {
  return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) === 0 ? undefined : lastError('prctl(PR_SET_CHILD_SUBREAPER)');
}

/** The kernel sends `signal` to the init when the thread that started it exits. */
export function setParentDeathSignal(signal: number, label: string): SyscallError | undefined {
  return libc.prctl(PR_SET_PDEATHSIG, signal, 0, 0, 0) === 0 ? undefined : lastError(`prctl(PR_SET_PDEATHSIG, ${label})`);
}

/** Whether this process is a child subreaper already (set before an exec, which keeps it). */
export function isChildSubreaper(): boolean {
  const flag = new Int32Array(1);
  return libc.prctlGet(PR_GET_CHILD_SUBREAPER, flag, 0, 0, 0) === 0 && flag[0] === 1;
}
