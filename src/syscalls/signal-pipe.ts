// libuv's signal handler writes one 16-byte message per caught signal into a
// pipe that the event loop drains; a message that does not fit is dropped
// without a word. A 64 KiB pipe holds 4,096: a flood of queued realtime
// signals (they do not merge) would lose the rest. The init widens that pipe
// to the largest size an unprivileged process may set (/proc/sys/fs/pipe-max-size,
// 1 MiB by default: 65,536 messages).
// libuv makes one such pipe per event loop when the loop starts, non-blocking
// at both ends, and Node's other loops (platform threads) have theirs too; the
// init widens all of them rather than guess which belongs to the main loop.
// The other pipes Node holds both ends of are blocking (libuv's signal lock).
import { readFileSync } from 'node:fs';
import { ownPipes, type OpenFd } from './descriptors.js';
import { lastError, type SyscallError } from './errors.js';
import { libc } from './libc.js';

const F_SETPIPE_SZ = 1031;
const FIONREAD = 0x541b;
const DEFAULT_PIPE_MAX = 1024 * 1024;
/** sizeof(uv__signal_msg_t) on 64-bit Linux: a handle pointer and an int, padded. */
export const SIGNAL_MESSAGE_BYTES = 16;

function pipeMaxSize(): number {
  try {
    // As UTF-8 (it is ASCII digits): Node reads that in one call of its own,
    // where latin1 goes through its general path: 0.4 ms on Node 20.
    return Number.parseInt(readFileSync('/proc/sys/fs/pipe-max-size', 'utf8'), 10) || DEFAULT_PIPE_MAX;
  } catch {
    return DEFAULT_PIPE_MAX;
  }
}

export interface WidenResult {
  /** The new capacity in bytes of each widened pipe, or 0 when none was. */
  readonly bytes: number;
  readonly widened: number;
  readonly errors: readonly SyscallError[];
}

/** The ends of each signal pipe among `open`, the process's descriptors (descriptors.ts, openDescriptors). */
function signalPipes(open: readonly OpenFd[]): OpenFd[][] {
  return [...ownPipes(open).values()].filter((ends) => ends.every((end) => end.nonBlocking && end.closeOnExec));
}

/** Widens the signal pipes among `open`. */
export function widenSignalPipes(open: readonly OpenFd[]): WidenResult {
  const bytes = pipeMaxSize();
  let widened = 0;
  let size = 0;
  const errors: SyscallError[] = [];
  for (const ends of signalPipes(open)) {
    const writeEnd = ends.find((end) => end.access === 1)!;
    const result = libc.fcntl(writeEnd.fd, F_SETPIPE_SZ, 'int', bytes) as number;
    if (result < 0) {
      errors.push(lastError(`fcntl(${writeEnd.fd}, F_SETPIPE_SZ, ${bytes})`));
    } else {
      widened += 1;
      size = result;
    }
  }
  return { bytes: size, widened, errors };
}

/**
 * Whether a caught signal waits in a signal pipe among `open`, written by
 * libuv's C handler and not yet read by the event loop (FIONREAD: the bytes
 * a read would get, without taking them). A pipe that cannot be asked counts
 * as holding one.
 */
export function signalWaiting(open: readonly OpenFd[]): boolean {
  const count = [0];
  return signalPipes(open).some((ends) => {
    const readEnd = ends.find((end) => end.access === 0);
    return readEnd === undefined || (libc.ioctl(readEnd.fd, FIONREAD, '_Out_ int *', count) as number) !== 0 || count[0]! > 0;
  });
}
