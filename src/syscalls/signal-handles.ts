// Catching signals: libuv's own signal handles, driven through koffi. This is
// what process.on('SIGTERM') does underneath (Node's signal_wrap starts a
// uv_signal_t), minus the name lookup that limits process.on to the signals
// Node has names for. Realtime signals have none, and the signal_wrap binding
// that used to reach the same handle is gone from process.binding since Node 24.
// libuv is public API of every node binary (addons link against it), and
// uv_default_loop() is the loop Node's main thread runs.
//
// Why it is sound, on every line: libuv installs one C handler per signal that
// writes (handle, signal) into the loop's signal pipe and nothing else
// (async-signal-safe). The loop drains that pipe in order and calls each
// handle's callback on the main thread, one message per receipt: standard and
// realtime signals keep their order, queued realtime signals are not merged,
// and nothing is lost while the pipe has room (signal-pipe.ts widens it).
// A started handle holds the event loop open unless it is unreferenced.
import { koffi } from './koffi.js';

const UV_SIGNAL = 16; // uv_handle_type
const SignalCallback = koffi.proto('void uv_signal_cb(void *handle, int signum)');
const CloseCallback = koffi.proto('void uv_close_cb(void *handle)');

/** What a failed start says, e.g. "cannot catch signal 64: invalid argument". */
class ListenError extends Error {}

function libuv() {
  try {
    const node = koffi.load(null);
    return {
      defaultLoop: node.func('void *uv_default_loop()'),
      handleSize: node.func('size_t uv_handle_size(int type)'),
      signalInit: node.func('int uv_signal_init(void *loop, void *handle)'),
      signalStart: node.func('int uv_signal_start(void *handle, uv_signal_cb *cb, int signum)'),
      close: node.func('void uv_close(void *handle, uv_close_cb *cb)'),
      unref: node.func('void uv_unref(void *handle)'),
      strerror: node.func('const char *uv_strerror(int err)'),
    };
  } catch (error) {
    throw new ListenError(`cannot catch signals: this node binary does not export libuv (${error instanceof Error ? error.message : String(error)})`);
  }
}


// Looked up on first use, so that a binary without libuv fails where it can be reported.
let uv: ReturnType<typeof libuv> | undefined;
const live = new Set<Buffer>();

export interface ListenOptions {
  /** Keep the event loop alive while listening (the init sleeps on its SIGCHLD handle). */
  readonly keepAlive: boolean;
}

/**
 * Starts catching `signal`, calling `handler` on the main thread for each
 * receipt; returns a function that stops. An exception in the handler is
 * rethrown on the next turn of the loop, as Node reports any other: a C
 * callback has no JavaScript caller to hand it to.
 */
export function listenSignal(signal: number, handler: (signal: number) => void, { keepAlive }: ListenOptions): () => void {
  uv ??= libuv();
  const handle = Buffer.alloc(Number(uv.handleSize(UV_SIGNAL)));
  const initError = uv.signalInit(uv.defaultLoop(), handle) as number;
  if (initError !== 0) throw new ListenError(`cannot catch signal ${signal}: ${uv.strerror(initError) as string}`);
  const onSignal = koffi.register((_handle: unknown, signum: number) => {
    try {
      handler(signum);
    } catch (error) {
      setImmediate(() => {
        throw error;
      });
    }
  }, koffi.pointer(SignalCallback));
  // libuv holds the handle's address from now on: it must not be collected before it is closed.
  live.add(handle);
  const close = (): void => {
    const onClose = koffi.register(() => {
      koffi.unregister(onSignal);
      koffi.unregister(onClose);
      live.delete(handle);
    }, koffi.pointer(CloseCallback));
    uv!.close(handle, onClose);
  };
  const startError = uv.signalStart(handle, onSignal, signal) as number;
  if (startError !== 0) {
    close();
    throw new ListenError(`cannot catch signal ${signal}: ${uv.strerror(startError) as string}`);
  }
  if (!keepAlive) uv.unref(handle);
  return close;
}
