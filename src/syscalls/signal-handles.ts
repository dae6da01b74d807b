// Catching signals: libuv's own signal handles (libuv.ts). This is what
// process.on('SIGTERM') does underneath (Node's signal_wrap starts a
// uv_signal_t), minus the name lookup that limits process.on to the signals
// Node has names for. Realtime signals have none, and the signal_wrap binding
// that used to reach the same handle is gone from process.binding since Node 24.
//
// Why it is sound, on every line: libuv installs one C handler per signal that
// writes (handle, signal) into the loop's signal pipe and nothing else
// (async-signal-safe). The loop drains that pipe in order and calls each
// handle's callback on the main thread, one message per receipt: standard and
// realtime signals keep their order, queued realtime signals are not merged,
// and nothing is lost while the pipe has room (signal-pipe.ts widens it).
// A started handle holds the event loop open unless it is unreferenced.
import { koffi } from './koffi.js';
import { allocateHandle, closeHandle, libuv, LibuvError, rethrowLater } from './libuv.js';

const UV_SIGNAL = 16; // uv_handle_type
const SignalCallback = koffi.proto('void uv_signal_cb(void *handle, int signum)');

export interface ListenOptions {
  /** Keep the event loop alive while listening (the init sleeps on its SIGCHLD handle). */
  readonly keepAlive: boolean;
}

/**
 * Starts catching `signal`, calling `handler` on the main thread for each
 * receipt; returns a function that stops.
 */
export function listenSignal(signal: number, handler: (signal: number) => void, { keepAlive }: ListenOptions): () => void {
  let uv: ReturnType<typeof libuv>;
  try {
    uv = libuv();
  } catch (error) {
    throw new LibuvError(`cannot catch signals: ${(error as Error).message}`);
  }
  const handle = allocateHandle(UV_SIGNAL);
  const initError = uv.signalInit(uv.defaultLoop(), handle) as number;
  if (initError !== 0) throw new LibuvError(`cannot catch signal ${signal}: ${uv.strerror(initError) as string}`);
  const onSignal = koffi.register((_handle: unknown, signum: number) => rethrowLater(() => handler(signum)), koffi.pointer(SignalCallback));
  const close = (): void => closeHandle(handle, [onSignal]);
  const startError = uv.signalStart(handle, onSignal, signal) as number;
  if (startError !== 0) {
    close();
    throw new LibuvError(`cannot catch signal ${signal}: ${uv.strerror(startError) as string}`);
  }
  if (!keepAlive) uv.unref(handle);
  return close;
}
