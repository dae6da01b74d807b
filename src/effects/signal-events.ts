// The init's signals as events: those that came while Node.js was starting
// (read back from Node's one-shot start-up handlers, or betrayed by a debugger
// that a SIGUSR1 opened), those caught since the init's first modules ran, and
// from now on every receipt. SIGCHLD is not an event: it asks the reap loop
// for a pass.
import { Observable } from 'rxjs';
import type { EarlySignals } from '../boot/early-signals.js';
import type { SelfInflictedSignals } from '../output/self-inflicted-signals.js';
import { SIGCHLD, SIGUSR1 } from '../posix/signals.js';
import type { InitEvent } from '../streams/events.js';
import { watchForStartedInspector } from './watch-for-started-inspector.js';

export interface SignalSources {
  readonly early: EarlySignals;
  /** A SIGUSR1 during Node's start-up had opened its debugger, closed at start-up (see scan-inherited-descriptors.ts). */
  readonly debuggerClosed: boolean;
  /** Signals to deliver as if just received (a parent-death signal whose moment has passed). */
  readonly alsoReceived: readonly number[];
  readonly selfInflicted: SelfInflictedSignals;
  /** Called for every SIGCHLD. */
  readonly childExited: () => void;
}

export function signalEvents(sources: SignalSources): Observable<InitEvent> {
  return new Observable<InitEvent>((subscriber) => {
    const signal = (number: number): void => subscriber.next({ kind: 'signal', signal: number });

    // Node may start its debugger more than once for one request (it asks both by
    // interrupt and through the event loop): however often it has to be closed,
    // that counts as the one SIGUSR1 it was.
    let debuggerSeen = false;
    const debuggerOpened = (): void => {
      if (debuggerSeen) return;
      debuggerSeen = true;
      subscriber.next({ kind: 'note', level: 'warn', message: 'a SIGUSR1 came while Node.js was starting and opened its debugger; closed it again' });
      // Node opens it on a turn of the event loop, which may come after the command started.
      subscriber.next({ kind: 'signal', signal: SIGUSR1, atStartUp: true });
    };
    // What came while Node.js was starting goes in first.
    for (const number of sources.early.lostAtStartup) signal(number);
    if (sources.debuggerClosed) debuggerOpened();
    for (const number of sources.alsoReceived) signal(number);
    sources.early.deliverTo((number) => {
      if (number === SIGCHLD) sources.childExited();
      else if (!sources.selfInflicted.take(number)) signal(number);
    });
    watchForStartedInspector(debuggerOpened);
  });
}
