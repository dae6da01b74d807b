// Starting this very program over, in the same process (same pid), with other
// arguments or environment: execve of /proc/self/exe, all bytes.
import { cString } from './c-string.js';
import { lastError, type SyscallError } from './errors.js';
import { koffi } from './koffi.js';
import { libc } from './libc.js';

const F_SETFD = 2;

/**
 * Returns only when it failed. `keep`: descriptors to hand on to the new image
 * (Node marks the inherited ones close-on-exec as it starts).
 */
export function execSelf(argv: readonly Uint8Array[], environment: readonly Uint8Array[], keep: readonly number[]): SyscallError {
  for (const fd of keep) libc.fcntl(fd, F_SETFD, 'int', 0);
  libc.execve(cString(Buffer.from('/proc/self/exe')), koffi.as([...argv.map(cString), null], 'void **'), koffi.as([...environment.map(cString), null], 'void **'));
  return lastError('execve(/proc/self/exe)');
}
