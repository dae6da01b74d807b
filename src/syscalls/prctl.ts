import { lastError, type SyscallError } from './errors.js';
import { libc } from './libc.js';

const PR_SET_CHILD_SUBREAPER = 36;

/** Orphans of the init's own tree are re-parented to it, as they would be to PID 1. */
export function becomeChildSubreaper(): SyscallError | undefined {
  return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) === 0 ? undefined : lastError('prctl(PR_SET_CHILD_SUBREAPER)');
}
