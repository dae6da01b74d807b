// Writing to a descriptor without ever blocking the init, and without
// changing the flags of a descriptor it shares with its programs (SPEC §16):
// the command's stdout and the init's are one open file description, and
// O_NONBLOCK set on one is set on both.
// - A regular file (or block device) never makes a writer wait for a reader:
//   plain writes.
// - A pipe, FIFO, terminal or other character device is opened again through
//   /proc/self/fd: a description of the init's own, which it may make
//   non-blocking (as libuv does for a terminal). A write takes what fits.
// - A socket: send() with MSG_DONTWAIT, non-blocking for this one call, and
//   MSG_NOSIGNAL (a reader that is gone is an error, not a SIGPIPE).
// - A pipe that cannot be opened again (another user's: docker run --user):
//   poll() first, then at most PIPE_BUF bytes, which a pipe with room takes
//   whole, without blocking.
// A pipe or FIFO written to is made to hold 256 KiB (pipe.ts, enlargePipe):
// a pipe has room again once its reader took a single page, and with the
// default 64 KiB a full pipe woke the init for little more than a page at a
// time. Labelled output at full speed into a pipe read at full speed (npm run
// bench, part i) went from about 4 to about 12 million lines a second.
import { fstatSync, openSync, writeSync, constants as fs } from 'node:fs';
import { EAGAIN, EINTR } from '../posix/errno.js';
import { errno, libc } from './libc.js';
import { enlargePipe } from './pipe.js';
import { isTerminal } from './terminal.js';

const MSG_DONTWAIT = 0x40;
const MSG_NOSIGNAL = 0x4000;
const PIPE_BUF = 4096;
/** A terminal that cannot be opened again takes small pieces: its poll() says "room" for far less than a pipe's. */
const TERMINAL_PIECE = 256;
const POLLOUT = 0x004;
const POLLERR = 0x008;
const POLLHUP = 0x010;

export type Channel = 'closed' | 'file' | 'own' | 'socket' | 'polled';

export interface Destination {
  /** The descriptor the init was given (0, 1, 2, ...). */
  readonly fd: number;
  readonly channel: Channel;
  /** The descriptor written to: the init's own description for 'own', `fd` otherwise. */
  readonly writeFd: number;
  readonly terminal: boolean;
  /** Writing to a pipe whose reader is gone raises SIGPIPE (a socket's send does not). */
  readonly raisesSigpipe: boolean;
}

export function openDestination(fd: number): Destination {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return { fd, channel: 'closed', writeFd: fd, terminal: false, raisesSigpipe: false };
  }
  if (stat.isFile() || stat.isBlockDevice()) return { fd, channel: 'file', writeFd: fd, terminal: false, raisesSigpipe: false };
  const terminal = stat.isCharacterDevice() && isTerminal(fd);
  if (stat.isFIFO()) enlargePipe(fd);
  if (!stat.isSocket()) {
    try {
      const own = openSync(`/proc/self/fd/${fd}`, fs.O_WRONLY | fs.O_NONBLOCK | fs.O_NOCTTY);
      return { fd, channel: 'own', writeFd: own, terminal, raisesSigpipe: stat.isFIFO() };
    } catch {
      // No /proc, another user's pipe, or a FIFO without a reader: the writes say what is wrong.
    }
  }
  if (stat.isSocket()) return { fd, channel: 'socket', writeFd: fd, terminal: false, raisesSigpipe: false };
  return { fd, channel: 'polled', writeFd: fd, terminal, raisesSigpipe: stat.isFIFO() };
}

export type Written = { readonly written: number } | { readonly blocked: true } | { readonly errno: number };

const pollfd = Buffer.alloc(8);

/** Whether `fd` takes a write now (or has an error, which the write then reports). */
function hasRoom(fd: number): boolean {
  pollfd.writeInt32LE(fd, 0);
  pollfd.writeInt16LE(POLLOUT, 4);
  pollfd.writeInt16LE(0, 6);
  const ready = libc.poll(pollfd, 1, 0) as number;
  return ready > 0 && (pollfd.readInt16LE(6) & (POLLOUT | POLLERR | POLLHUP)) !== 0;
}

function outcome(result: number): Written {
  if (result >= 0) return { written: result };
  const code = errno();
  return code === EAGAIN ? { blocked: true } : { errno: code };
}

/** One write of what fits of `bytes`, never waiting. EINTR is tried again. */
export function writeWithoutBlocking(destination: Destination, bytes: Buffer): Written {
  for (;;) {
    let result: Written;
    switch (destination.channel) {
      case 'closed':
        return { written: bytes.length };
      case 'file':
        try {
          return { written: writeSync(destination.writeFd, bytes) };
        } catch (error) {
          const code = -((error as NodeJS.ErrnoException).errno ?? 0);
          return code === EAGAIN ? { blocked: true } : { errno: code };
        }
      case 'own':
        result = outcome(libc.write(destination.writeFd, bytes, bytes.length) as number);
        break;
      case 'socket':
        result = outcome(libc.send(destination.writeFd, bytes, bytes.length, MSG_DONTWAIT | MSG_NOSIGNAL) as number);
        break;
      case 'polled': {
        if (!hasRoom(destination.fd)) return { blocked: true };
        const piece = Math.min(bytes.length, destination.terminal ? TERMINAL_PIECE : PIPE_BUF);
        result = outcome(libc.write(destination.fd, bytes, piece) as number);
        break;
      }
    }
    if (!('errno' in result) || result.errno !== EINTR) return result;
  }
}
