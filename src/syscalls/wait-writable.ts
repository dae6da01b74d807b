// poll(2) for room to write on one descriptor.
import { libc } from './libc.js';

const POLLOUT = 0x004;
const POLLERR = 0x008;
const POLLHUP = 0x010;
// struct pollfd: int fd; short events; short revents.
const pollfd = Buffer.alloc(8);

/** True when `fd` takes a write now, or within `ms`; also when it has an error or no reader, which the write then reports. */
export function waitWritable(fd: number, ms: number): boolean {
  pollfd.writeInt32LE(fd, 0);
  pollfd.writeInt16LE(POLLOUT, 4);
  pollfd.writeInt16LE(0, 6);
  for (;;) {
    const ready = libc.poll(pollfd, 1, Math.ceil(ms)) as number;
    if (ready > 0) return (pollfd.readInt16LE(6) & (POLLOUT | POLLERR | POLLHUP)) !== 0;
    if (ready === 0) return false;
    // EINTR (a signal came): the init's signals are handled on the event loop, not here; try again.
  }
}
