// SIGTERM, SIGINT and SIGHUP for an app that runs as PID 1. The kernel gives
// PID 1 no default action for them, and Node's own start-up handler re-raises
// them to that default: so without a listener, `docker stop` is ignored. Here
// they get their conventional meaning (exit with 128+N), but only when the app
// has no listener of its own for the signal: then the app's listener runs and
// nothing else happens.
import { constants } from 'node:os';

const CONVENTIONAL: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

export function exitOnSignals(onExit: (signal: NodeJS.Signals, status: number) => void): () => void {
  const listeners = CONVENTIONAL.map((name) => {
    const listener = (): void => {
      // Ours is one of the listeners; any other one is the app's.
      if (process.listenerCount(name) > 1) return;
      onExit(name, 128 + constants.signals[name]);
    };
    process.on(name, listener);
    return [name, listener] as const;
  });
  return () => {
    for (const [name, listener] of listeners) process.off(name, listener);
  };
}
