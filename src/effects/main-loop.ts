// The init's main loop, wired in one place (tini's main(), as a stream):
//
//   caught signals ─┐
//   reap passes ────┤
//   start-up over ──┼──► supervise (pure) ──► actions ──► interpreter ──► system calls
//   set-up notes ───┤                                          │
//   feedback ◄──────┴──────────────────────────────────────────┘
//                 (a program's pid, a broadcast's reach; a sweep asks the reap source for a pass)
//
// The feedback Subject is the one loop: what performing an action taught goes
// back into the pipeline as events.
import { EMPTY, from, merge, Observable, Subject } from 'rxjs';
import { embeddedCacheStates } from '../boot/compile-embedded.js';
import type { Logger } from '../output/logger.js';
import type { SelfInflictedSignals } from '../output/self-inflicted-signals.js';
import type { InitEvent } from '../streams/events.js';
import { reapPasses } from '../streams/sources/reap-passes.js';
import { supervise } from '../streams/supervise.js';
import { reapExited } from '../syscalls/reap-exited.js';
import { controlServer } from './control-server.js';
import { createInterpreter } from './interpreter.js';
import { CODE_CACHE_NOTES } from './set-up.js';
import { signalEvents } from './signal-events.js';
import type { StartUp, StartUpPlan } from './start-up.js';

export interface MainLoopPlan extends StartUpPlan {
  readonly logger: Logger;
  /** Where the control socket goes (SPEC §19); none without services or --control. */
  readonly control: string | undefined;
  /** Ends the init with this status, once what it wrote has gone out. */
  readonly exit: (status: number) => void;
  readonly selfInflicted: SelfInflictedSignals;
}

const READY: InitEvent = { kind: 'ready' };

/**
 * 'ready', and then `over` (start-up is over: the programs have started).
 * With programs started at once, 'ready' went in with the set-up's notes,
 * before any signal could (start-up.ts), and start-up is over now: before the
 * first reap pass, which would find a command that has exited already (and
 * compile the whole exit, for V8's code cache to hold). Otherwise 'ready' comes
 * once the event loop has run its first poll: the signals that reached libuv
 * while the init was loading have been delivered by then (the poll phase comes
 * before setImmediate's), so the programs start knowing about them.
 */
function startUpEvents(startedAtOnce: boolean, over: () => void): Observable<InitEvent> {
  return new Observable<InitEvent>((subscriber) => {
    if (startedAtOnce) return over();
    const turn = setImmediate(() => {
      subscriber.next(READY);
      over();
    });
    return () => clearImmediate(turn);
  });
}

/** `started`: what start-up did (start-up.ts); `startedUp` runs once the programs have started. */
export function mainLoop(plan: MainLoopPlan, started: StartUp, startedUp: () => void): void {
  const { config, logger } = plan;
  const { sideCommands, output } = started;
  // How start-up compiled the modules that ship as source text (the supervisor itself, yaml for a services file).
  const notes = [...started.notes, ...[...embeddedCacheStates()].map(([name, state]): InitEvent => ({ kind: 'note', level: 'debug', message: `${name}: ${CODE_CACHE_NOTES[state]}` }))];
  const reaper = reapPasses(() => {
    const { exits, childless, error } = reapExited();
    const reaped = sideCommands.collect(exits);
    return error ? { exits: reaped, childless, error: error.message } : { exits: reaped, childless };
  });
  const control = plan.control === undefined ? undefined : controlServer(plan.control);
  const feedback = new Subject<InitEvent>();
  const perform = createInterpreter({
    logger,
    signalName: config.signalName,
    start: ({ service, processGroup }) => started.start(service, processGroup),
    probe: (service) => sideCommands.probe(service),
    hook: ({ service, hook, index }) => sideCommands.hook(service, hook, index),
    sweep: () => reaper.request(),
    feedback: (event) => feedback.next(event),
    beforeFinalLines: () => output.drainAll(),
    reply: (id, reply) => control?.reply(id, reply),
    exit: plan.exit,
  });

  // The feedback goes first: an action performed while the other sources are
  // still being subscribed (they emit at once) must find it listening.
  // With programs started already, 'ready' comes before any signal: every
  // signal caught so far came after those starts began (start-up.ts).
  merge(
    feedback,
    from(started.startedAtOnce ? [...notes, READY] : notes),
    signalEvents({
      early: plan.early,
      debuggerClosed: plan.debuggerClosed,
      alsoReceived: started.alsoReceived,
      selfInflicted: plan.selfInflicted,
      childExited: () => reaper.request(),
    }),
    startUpEvents(started.startedAtOnce, startedUp),
    reaper.passes,
    // After the start-up turn: the control socket opens on the turn after it.
    control?.events ?? EMPTY,
  )
    .pipe(supervise(config))
    .subscribe({
      next: perform,
      error: (error: unknown) => {
        logger.log('error', `internal error: ${error instanceof Error ? error.message : String(error)}`, undefined, true);
        plan.exit(1);
      },
    });
}
