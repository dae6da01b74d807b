// docker-container-init as a library (SPEC §9): a Node.js app that runs as
// PID 1 itself (CMD ["node", "server.js"]) becomes a good init with one call.
// It reaps orphaned zombies, without taking the exit status of any child the
// app started with child_process, and gives SIGTERM, SIGINT and SIGHUP their
// conventional meaning unless the app listens for them itself. It shares the
// CLI's reap source and system calls.
import { reapPasses } from '../streams/sources/reap-passes.js';
import { SIGCHLD, signalName } from '../posix/signals.js';
import { ownChildren } from '../syscalls/proc.js';
import { realtimeRange } from '../syscalls/realtime-range.js';
import { listenSignal } from '../syscalls/signal-handles.js';
import { reapExitedAmong } from '../syscalls/reap-exited.js';
import { isAppChild, watchAppChildren } from './app-children.js';
import { exitOnSignals } from './exit-on-signals.js';

/** A process that was reaped: not one the app started, but an orphan handed to PID 1. */
export interface ReapedProcess {
  readonly pid: number;
  /** The exit code, or null when it was killed by a signal. */
  readonly code: number | null;
  /** The signal's name (e.g. "SIGKILL"), or null when it exited. */
  readonly signal: string | null;
}

export interface BecomeInitOptions {
  /** Reap orphaned zombies (default true). */
  readonly reap?: boolean;
  /**
   * Exit with 128+N on SIGTERM, SIGINT and SIGHUP when the app has no listener
   * of its own for the signal (default true).
   */
  readonly exitOnSignals?: boolean;
  /** Called for every orphan reaped. */
  readonly onReaped?: (process: ReapedProcess) => void;
  /** How to exit on such a signal, given the status (default: process.exit(status)). */
  readonly exit?: (status: number, signal: string) => void;
}

export interface InitHandle {
  /** How many orphans have been reaped so far. */
  readonly reaped: number;
  /** Stops reaping and handling signals. */
  stop(): void;
}

let active: InitHandle | undefined;

/** Turns the running process into a good PID 1. Calling it again returns the same handle. */
export function becomeInit(options: BecomeInitOptions = {}): InitHandle {
  if (active) return active;
  const stops: Array<() => void> = [];
  let reaped = 0;

  if (options.reap !== false) {
    watchAppChildren();
    const range = realtimeRange();
    const orphans = (): number[] => ownChildren().filter((pid) => !isAppChild(pid));
    const reaper = reapPasses(() => {
      const { exits, childless } = reapExitedAmong(orphans());
      return { exits, childless };
    });
    const subscription = reaper.passes.subscribe((event) => {
      if (event.kind !== 'reaped') return;
      reaped += event.exits.length;
      for (const exit of event.exits) {
        options.onReaped?.({ pid: exit.pid, code: exit.code, signal: exit.signal === null ? null : signalName(exit.signal, range) });
      }
    });
    // Unreferenced: the reaper never keeps the app alive.
    const stopListening = listenSignal(SIGCHLD, () => reaper.request(), { keepAlive: false });
    stops.push(() => {
      stopListening();
      subscription.unsubscribe();
    });
  }

  if (options.exitOnSignals !== false) {
    const exit = options.exit ?? ((status: number) => process.exit(status));
    stops.push(exitOnSignals((signal, status) => exit(status, signal)));
  }

  const handle: InitHandle = {
    get reaped() {
      return reaped;
    },
    stop() {
      for (const stop of stops) stop();
      active = undefined;
    },
  };
  active = handle;
  return handle;
}
