// Pipes the init reads: a program's output (SPEC §19), a health probe's (§18).
// The write end goes to the program; the read end stays with the init,
// non-blocking (its own: the two ends of a pipe are separate descriptions).
import { lastError, type SyscallError } from './errors.js';
import { EAGAIN, EINTR } from '../posix/errno.js';
import { errno, libc } from './libc.js';

const O_CLOEXEC = 0o2000000;
const O_NONBLOCK = 0o4000;
const F_GETFL = 3;
const F_SETFL = 4;
const F_SETPIPE_SZ = 1031;
const F_GETPIPE_SZ = 1032;
/** What a pipe of the init's holds: a fast writer then wakes the init once per this much, not per 64 KiB. */
export const PIPE_BYTES = 256 * 1024;

export interface Pipe {
  readonly read: number;
  readonly write: number;
}

export function makePipe(): Pipe | SyscallError {
  const ends = new Int32Array(2);
  if ((libc.pipe2(ends, O_CLOEXEC) as number) !== 0) return lastError('pipe2');
  const flags = libc.fcntl(ends[0]!, F_GETFL) as number;
  libc.fcntl(ends[0]!, F_SETFL, 'int', flags | O_NONBLOCK);
  libc.fcntl(ends[0]!, F_SETPIPE_SZ, 'int', PIPE_BYTES); // as large as the limit allows; the default 64 KiB otherwise
  return { read: ends[0]!, write: ends[1]! };
}

/** Bytes read into `buffer`, or why none: nothing now ('again'), every writer gone ('end'), or an error. */
export function readSome(fd: number, buffer: Buffer): number | 'again' | 'end' | SyscallError {
  for (;;) {
    const n = libc.read(fd, buffer, buffer.length) as number;
    if (n > 0) return n;
    if (n === 0) return 'end';
    const code = errno();
    if (code === EINTR) continue;
    return code === EAGAIN ? 'again' : lastError(`read(${fd})`);
  }
}

/**
 * Makes the pipe `fd` leads to hold at least PIPE_BYTES, where it holds less
 * and the limits allow (Linux's pipe-max-size, 1 MiB by default, and a user's
 * pipe-user-pages quota): never smaller. That is the pipe's size, shared by
 * all its writers and readers, not a flag of anyone's descriptor (SPEC §16).
 */
export function enlargePipe(fd: number): void {
  const size = libc.fcntl(fd, F_GETPIPE_SZ) as number;
  if (size >= 0 && size < PIPE_BYTES) libc.fcntl(fd, F_SETPIPE_SZ, 'int', PIPE_BYTES);
}

export function closeDescriptor(fd: number): void {
  libc.close(fd);
}
