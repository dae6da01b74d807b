// The init's signals as events: caught from now on, plus those that came while
// it was starting (held by its first module, read back from Node's one-shot
// start-up handlers, or betrayed by a debugger that a SIGUSR1 opened). Returns
// the SIGCHLDs separately: they drive the reap loop, not the supervisor.
import { filter, partition, share, type Observable, type Subject } from 'rxjs';
import type { Logger } from '../log/logger.js';
import { takeSelfInflicted } from '../log/self-signals.js';
import { nodeSignalName, SIGCHLD, SIGINT, SIGTERM, SIGUSR1 } from '../posix/signals.js';
import type { InitEvent } from '../streams/events.js';
import { caughtSignals } from '../streams/sources/signals.js';
import { listenSignal, listenSignalKeepingAlive } from '../syscalls/signal-listen.js';
import { SIGNAL_MESSAGE_BYTES, widenSignalPipes } from '../syscalls/signal-pipe.js';
import { signalsLostAtStartup } from '../syscalls/startup-signals.js';
import { watchForStartedInspector } from './inspector-watch.js';

export interface SignalSources {
  readonly forwarded: ReadonlySet<number>;
  readonly events: Subject<InitEvent>;
  readonly logger: Logger;
  readonly takeEarlySignals: () => number[];
  readonly debuggerClosed: boolean;
  /** Signals to deliver as if just received (a parent-death signal whose moment has passed). */
  readonly alsoReceived: readonly number[];
}

export function startSignalEvents(sources: SignalSources): Observable<number> {
  const { events, logger } = sources;
  const signal = (number: number): void => events.next({ kind: 'signal', signal: number });
  // SIGCHLD's handle is what keeps the event loop alive: the init sleeps until a signal comes.
  const listen = (number: number, handler: (signal: number) => void): (() => void) =>
    number === SIGCHLD ? listenSignalKeepingAlive(number, 'SIGCHLD', handler) : listenSignal(number, nodeSignalName(number), handler);
  const caught = caughtSignals([SIGCHLD, ...sources.forwarded], listen).pipe(share());
  const [childExited, others] = partition(caught, (number) => number === SIGCHLD);

  // Read before the init's own handlers replace Node's start-up ones.
  const lostAtStartup = signalsLostAtStartup([SIGTERM, SIGINT]);
  others.pipe(filter((number) => !takeSelfInflicted(number))).subscribe(signal);

  // Node may start its debugger more than once for one request (it asks both by
  // interrupt and through the event loop): however often it has to be closed,
  // that counts as the one SIGUSR1 it was.
  let debuggerSeen = false;
  const debuggerOpened = (): void => {
    if (debuggerSeen) return;
    debuggerSeen = true;
    logger.log('warn', 'a SIGUSR1 came while Node.js was starting and opened its debugger; closed it again');
    signal(SIGUSR1);
  };
  if (sources.debuggerClosed) debuggerOpened();
  // What came while the init was loading goes in first, in order; the pipeline
  // holds it until the command runs.
  for (const number of [...sources.takeEarlySignals(), ...lostAtStartup, ...sources.alsoReceived]) signal(number);
  watchForStartedInspector(debuggerOpened);

  const widened = widenSignalPipes();
  for (const error of widened.errors) logger.log('warn', `${error.message}: more than 4096 signals pending at once would be lost`);
  if (widened.widened > 0) logger.log('debug', `room for ${widened.bytes / SIGNAL_MESSAGE_BYTES} pending signals`);
  return childExited;
}
