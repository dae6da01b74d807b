// Waiting on the event loop for room to write to a descriptor the init shares
// with its programs, without touching that descriptor's flags (SPEC §16): a
// poll handle would make it non-blocking for everyone who shares it. Instead
// the descriptor goes into an epoll instance of the init's own (EPOLLOUT,
// one-shot), and the poll handle watches that instance, which is readable
// once the descriptor can take a write.
import { lastError, type SyscallError } from './errors.js';
import { libc } from './libc.js';
import { pollReadable, type PollHandle } from './poll-handle.js';

const EPOLL_CLOEXEC = 0o2000000;
const EPOLL_CTL_ADD = 1;
const EPOLL_CTL_MOD = 3;
const EPOLLOUT = 0x004;
const EPOLLONESHOT = 1 << 30;
// struct epoll_event: uint32 events, then 64 bits of data (packed on x86-64, padded on arm64).
const EVENT_BYTES = 16;

export interface WritableWaiter {
  /** Calls `onWritable` once, when the descriptor can take a write (or has an error, which the write then reports). */
  wait(onWritable: () => void): void;
  close(): void;
}

export function writableWaiter(fd: number): WritableWaiter | SyscallError {
  const epfd = libc.epoll_create1(EPOLL_CLOEXEC) as number;
  if (epfd < 0) return lastError('epoll_create1');
  const event = Buffer.alloc(EVENT_BYTES);
  event.writeUInt32LE(EPOLLOUT | EPOLLONESHOT, 0);
  if ((libc.epoll_ctl(epfd, EPOLL_CTL_ADD, fd, event) as number) !== 0) {
    const error = lastError(`epoll_ctl(${fd})`);
    libc.close(epfd);
    return error;
  }
  let armed = true;
  let waiting: (() => void) | undefined;
  const ready = Buffer.alloc(EVENT_BYTES);
  const handle: PollHandle = pollReadable(epfd, () => {
    // Taken off the instance's ready list, so that the instance is quiet until armed again.
    libc.epoll_wait(epfd, ready, 1, 0);
    armed = false;
    handle.stop();
    const then = waiting;
    waiting = undefined;
    then?.();
  });
  return {
    wait(onWritable) {
      waiting = onWritable;
      if (!armed) libc.epoll_ctl(epfd, EPOLL_CTL_MOD, fd, event);
      armed = true;
      handle.start();
    },
    close() {
      handle.close(() => libc.close(epfd));
    },
  };
}
