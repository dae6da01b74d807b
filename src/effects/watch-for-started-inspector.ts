// Node's debugger can only have been started by a SIGUSR1 that arrived before
// the init's first module ran; Node starts it on a later turn of the event
// loop. Two looks settle it: right after start-up, and once more 200 ms later
// (a one-off, unreferenced timer: it never keeps the init up or wakes it again).
import { closeStartedDebugger } from '../syscalls/node-internals.js';

export function watchForStartedInspector(onClosed: () => void): void {
  const look = (): void => {
    if (closeStartedDebugger()) onClosed();
  };
  setImmediate(look);
  setTimeout(look, 200).unref();
}
