import { errno, strerror } from './libc.js';

/** A failed system call, with a message that names the call and the C library's reason. */
export class SyscallError extends Error {
  constructor(
    readonly call: string,
    readonly code: number,
  ) {
    super(`${call}: ${strerror(code)}`);
    this.name = 'SyscallError';
  }
}

/** Builds the error for a call that returned -1 and left its reason in errno. */
export function lastError(call: string): SyscallError {
  return new SyscallError(call, errno());
}

export { ECHILD, EINTR, ESRCH } from '../posix/errno.js';
