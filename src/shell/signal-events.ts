// The init's signals as events: those caught since its first modules ran,
// those that came while Node.js was starting (read back from Node's one-shot
// start-up handlers, or betrayed by a debugger that a SIGUSR1 opened), and
// from now on every receipt. Returns the SIGCHLDs separately: they drive the
// reap loop, not the supervisor.
import { Subject, type Observable } from 'rxjs';
import type { EarlySignals } from '../boot/early-signals.js';
import type { Logger } from '../log/logger.js';
import { takeSelfInflicted } from '../log/self-signals.js';
import { SIGCHLD, SIGUSR1 } from '../posix/signals.js';
import type { InitEvent } from '../streams/events.js';
import { SIGNAL_MESSAGE_BYTES, widenSignalPipes } from '../syscalls/signal-pipe.js';
import { watchForStartedInspector } from './inspector-watch.js';

export interface SignalSources {
  readonly forwarded: ReadonlySet<number>;
  readonly events: Subject<InitEvent>;
  readonly logger: Logger;
  readonly early: EarlySignals;
  readonly debuggerClosed: boolean;
  /** Signals to deliver as if just received (a parent-death signal whose moment has passed). */
  readonly alsoReceived: readonly number[];
}

export function startSignalEvents(sources: SignalSources): Observable<void> {
  const { events, logger, early } = sources;
  const signal = (number: number): void => events.next({ kind: 'signal', signal: number });
  early.catchAlso(sources.forwarded);

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
  // What came while Node.js was starting goes in first; the pipeline holds it until the command runs.
  for (const number of early.lostAtStartup) signal(number);
  if (sources.debuggerClosed) debuggerOpened();
  for (const number of sources.alsoReceived) signal(number);
  // SIGCHLDs that came before the reap source subscribes need no record: its first pass reaps them.
  const childExited = new Subject<void>();
  early.deliverTo((number) => {
    if (number === SIGCHLD) childExited.next();
    else if (!takeSelfInflicted(number)) signal(number);
  });
  watchForStartedInspector(debuggerOpened);

  const widened = widenSignalPipes();
  for (const error of widened.errors) logger.log('warn', `${error.message}: more than 4096 signals pending at once would be lost`);
  if (widened.widened > 0) logger.log('debug', `room for ${widened.bytes / SIGNAL_MESSAGE_BYTES} pending signals`);
  return childExited;
}
