// Waiting, on the event loop, for a descriptor of the init's own to become
// readable: a libuv poll handle (libuv.ts). libuv sets the descriptor
// non-blocking, so it is only ever given descriptors no other process shares
// (an epoll descriptor, the read end of a pipe the init made). Unreferenced:
// a wait never keeps the init up by itself.
import type { TypeObject } from 'koffi';
import { koffi } from './koffi.js';
import { allocateHandle, closeHandle, libuv, LibuvError, rethrowLater } from './libuv.js';

const UV_POLL = 8; // uv_handle_type
const UV_READABLE = 1;
// Declared with the first poll handle, not as the module loads: a start with no services has none.
let pollCallback: TypeObject | undefined;

export interface PollHandle {
  /** Calls `onReady` each time the descriptor is readable (or has an error), until stopped. */
  start(): void;
  stop(): void;
  /** `then` runs once libuv no longer looks at the descriptor (it may be closed then). */
  close(then?: () => void): void;
}

export function pollReadable(fd: number, onReady: () => void): PollHandle {
  const uv = libuv();
  const handle = allocateHandle(UV_POLL);
  const initError = uv.pollInit(uv.defaultLoop(), handle, fd) as number;
  if (initError !== 0) throw new LibuvError(`cannot watch descriptor ${fd}: ${uv.strerror(initError) as string}`);
  uv.unref(handle);
  const callback = koffi.register((_handle: unknown, _status: number, _events: number) => rethrowLater(onReady), koffi.pointer((pollCallback ??= koffi.proto('void uv_poll_cb(void *handle, int status, int events)'))));
  let closed = false;
  return {
    start: () => {
      if (!closed) uv.pollStart(handle, UV_READABLE, callback);
    },
    stop: () => {
      if (!closed) uv.pollStop(handle);
    },
    close: (then) => {
      if (closed) return;
      closed = true;
      closeHandle(handle, [callback], then);
    },
  };
}
