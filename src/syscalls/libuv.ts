// libuv, the event loop Node's main thread runs, called through koffi: for
// what Node's JavaScript API does not offer the init (a signal handle for any
// signal number, signal-handles.ts; a poll handle on a descriptor whose flags
// must stay as they are, poll-handle.ts). libuv is public API of every node
// binary (addons link against it), and uv_default_loop() is the main loop.
import type { TypeObject } from 'koffi';
import { koffi } from './koffi.js';
import { lazily } from './lazily.js';

/** What a missing libuv says, e.g. "cannot catch signals: this node binary does not export libuv (...)". */
export class LibuvError extends Error {}

// uv_default_loop is looked up at once: a binary that has it has all of
// libuv, and one that lacks it fails where the caller can say so. The rest is
// declared when first used (lazily.ts): the signal handles that start-up
// makes need four of the nine.
function bind() {
  let node: ReturnType<typeof koffi.load>;
  let defaultLoop: ReturnType<ReturnType<typeof koffi.load>['func']>;
  try {
    node = koffi.load(null);
    defaultLoop = node.func('void *uv_default_loop()');
  } catch (error) {
    throw new LibuvError(`this node binary does not export libuv (${error instanceof Error ? error.message : String(error)})`);
  }
  return lazily({
    defaultLoop: () => defaultLoop,
    handleSize: () => node.func('size_t uv_handle_size(int type)'),
    signalInit: () => node.func('int uv_signal_init(void *loop, void *handle)'),
    signalStart: () => node.func('int uv_signal_start(void *handle, void *cb, int signum)'),
    pollInit: () => node.func('int uv_poll_init(void *loop, void *handle, int fd)'),
    pollStart: () => node.func('int uv_poll_start(void *handle, int events, void *cb)'),
    pollStop: () => node.func('int uv_poll_stop(void *handle)'),
    close: () => node.func('void uv_close(void *handle, void *cb)'),
    unref: () => node.func('void uv_unref(void *handle)'),
    strerror: () => node.func('const char *uv_strerror(int err)'),
  });
}

let bound: ReturnType<typeof bind> | undefined;

/** libuv's functions, looked up on first use, so that a binary without them fails where it can be reported. */
export function libuv(): ReturnType<typeof bind> {
  bound ??= bind();
  return bound;
}

// Declared when a handle is first closed, not as the module loads (0.01 ms before the command starts).
let closeCallback: TypeObject | undefined;

/** A handle's memory, kept from the collector until libuv has closed it. */
const live = new Set<Buffer>();

/** Memory for a handle of `type` (uv_handle_type), held until `closeHandle`. */
export function allocateHandle(type: number): Buffer {
  const handle = Buffer.alloc(Number(libuv().handleSize(type)));
  live.add(handle);
  return handle;
}

/** Closes a handle; once libuv is done with it, `callbacks` are unregistered, its memory let go, and `then` runs. */
export function closeHandle(handle: Buffer, callbacks: readonly unknown[], then?: () => void): void {
  const onClose = koffi.register(() => {
    for (const callback of callbacks) koffi.unregister(callback as never);
    koffi.unregister(onClose);
    live.delete(handle);
    then?.();
  }, koffi.pointer((closeCallback ??= koffi.proto('void uv_close_cb(void *handle)'))));
  libuv().close(handle, onClose);
}

/** A C callback cannot hand an exception to a JavaScript caller: it is rethrown on the next turn, as Node reports any other. */
export function rethrowLater(run: () => void): void {
  try {
    run();
  } catch (error) {
    setImmediate(() => {
      throw error;
    });
  }
}
