// Catching signals in Node.js. Standard signals go through process.on, the
// public API. Realtime signals have no names in Node, so process.on cannot take
// them; they go through the same libuv signal handle that process.on uses
// underneath (the 'signal_wrap' binding: new Signal(), .start(signum)), which
// takes any signal number. libuv installs one C handler per signal that writes
// the signal into the event loop's pipe, exactly as for named signals, so
// delivery, ordering and the loop wake-up are the same for both kinds.

import { quietBinding } from './node-binding.js';

type Handler = (signal: number) => void;

interface SignalHandle {
  onsignal: (signal: number) => void;
  start(signal: number): number;
  close(): void;
  unref(): void;
}

let SignalWrap: (new () => SignalHandle) | undefined;

function signalWrap(): new () => SignalHandle {
  SignalWrap ??= quietBinding<{ Signal: new () => SignalHandle }>('signal_wrap')?.Signal;
  if (!SignalWrap) throw new Error("Node's signal_wrap binding is not available");
  return SignalWrap;
}

function listenWithHandle(signal: number, handler: Handler): () => void {
  const handle = new (signalWrap())();
  handle.onsignal = handler;
  const code = handle.start(signal);
  if (code !== 0) throw new Error(`cannot catch signal ${signal}: libuv error ${code}`);
  return () => handle.close();
}

/** Starts catching a signal; the returned function stops. */
export function listenSignal(signal: number, nodeName: NodeJS.Signals | undefined, handler: Handler): () => void {
  if (nodeName === undefined) return listenWithHandle(signal, handler);
  const listener = (): void => handler(signal);
  process.on(nodeName, listener);
  return () => process.off(nodeName, listener);
}

/**
 * Catches a signal with a handle that keeps the event loop alive while it
 * listens (process.on's handles do not), so that an init with nothing else to
 * do sleeps until a signal comes instead of exiting. Where the binding is not
 * available, falls back to process.on and an idle MessagePort.
 */
export function listenSignalKeepingAlive(signal: number, nodeName: NodeJS.Signals, handler: Handler): () => void {
  try {
    return listenWithHandle(signal, handler);
  } catch {
    const stop = listenSignal(signal, nodeName, handler);
    const release = holdEventLoopWithPort();
    return () => {
      stop();
      release();
    };
  }
}

function holdEventLoopWithPort(): () => void {
  // Loaded only here: worker_threads brings Node's whole streams stack with it.
  const { MessageChannel } = process.getBuiltinModule('node:worker_threads');
  const { port1 } = new MessageChannel();
  port1.on('message', () => undefined);
  return () => port1.close();
}
