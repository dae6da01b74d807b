import { lastError, type SyscallError } from './errors.js';
import { libc } from './libc.js';

/** kill(2). Returns the error instead of throwing: a failed kill never ends the init. */
export function sendSignal(target: number, signal: number, label: string): SyscallError | undefined {
  return libc.kill(target, signal) === 0 ? undefined : lastError(`kill(${target}, ${label})`);
}
