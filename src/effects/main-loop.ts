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
import type { EarlySignals } from '../boot/early-signals.js';
import { keptEnvironment } from '../boot/kept-environment.js';
import type { LogFormat } from '../output/format.js';
import type { Logger } from '../output/logger.js';
import type { StandardSinks } from '../output/standard-sinks.js';
import type { SelfInflictedSignals } from '../output/self-inflicted-signals.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { InitEvent } from '../streams/events.js';
import { reapPasses } from '../streams/sources/reap-passes.js';
import { supervise } from '../streams/supervise.js';
import { reapExited } from '../syscalls/reap-exited.js';
import { canSpawnInDirectory } from '../syscalls/spawn-command.js';
import { workingDirectory } from '../syscalls/working-directory.js';
import { controlServer } from './control-server.js';
import { createInterpreter } from './interpreter.js';
import { setUp, type SetUpPlan } from './set-up.js';
import { signalEvents } from './signal-events.js';
import { createProbes } from './probes.js';
import { serviceOutput } from './service-output.js';
import { startService, type StartContext } from './start-service.js';

export interface MainLoopPlan extends SetUpPlan {
  readonly config: SupervisorConfig;
  readonly logger: Logger;
  /** The init's stdout and stderr, and the log's format: where the services' labelled lines go, and how. */
  readonly sinks: StandardSinks;
  readonly logFormat: LogFormat;
  /** Where the control socket goes (SPEC §19); none without services or --control. */
  readonly control: string | undefined;
  /** Ends the init with this status, once what it wrote has gone out. */
  readonly exit: (status: number) => void;
  /** Descriptors the init inherited, to hand on to its programs. */
  readonly inheritedFds: readonly number[];
  /** The signals caught since the init's first modules ran (boot/early-signals.ts). */
  readonly early: EarlySignals;
  /** A SIGUSR1 during Node's start-up had opened its debugger, closed at start-up (scan-inherited-descriptors.ts). */
  readonly debuggerClosed: boolean;
  readonly selfInflicted: SelfInflictedSignals;
}

/**
 * 'ready' once the event loop has run its first poll: the signals that reached
 * libuv while the init was loading have been delivered by then (the poll phase
 * comes before setImmediate's), so the programs start knowing about them.
 */
function afterStartUp(): Observable<InitEvent> {
  return new Observable<InitEvent>((subscriber) => {
    const turn = setImmediate(() => subscriber.next({ kind: 'ready' }));
    return () => clearImmediate(turn);
  });
}

export function mainLoop(plan: MainLoopPlan): void {
  const { config, logger } = plan;
  const { notes, alsoReceived } = setUp(plan);
  // The init never pins the directory (and the mount under it) it started in:
  // it moves to / before any program exists, and each program starts in that
  // directory all the same (a C library that cannot do that gets the old
  // order: the init moves once the last program has first started).
  const directory = canSpawnInDirectory ? workingDirectory() : undefined;
  if (directory !== undefined || config.services.length === 0) process.chdir('/');
  const context: StartContext = { inheritedFds: plan.inheritedFds, directory, environment: keptEnvironment() };
  const probes = createProbes(config, context);
  const output = serviceOutput(config, plan.sinks, plan.logFormat);
  const reaper = reapPasses(() => {
    const { exits, childless, error } = reapExited();
    const reaped = probes.collect(exits);
    return error ? { exits: reaped, childless, error: error.message } : { exits: reaped, childless };
  });
  const control = plan.control === undefined ? undefined : controlServer(plan.control);
  const feedback = new Subject<InitEvent>();
  const perform = createInterpreter({
    logger,
    signalName: config.signalName,
    start: ({ service, processGroup }) => {
      const events = startService(service, config.services[service]!, processGroup, context, output);
      if (directory === undefined && service === config.services.length - 1) process.chdir('/');
      return events;
    },
    probe: (service) => probes.start(service),
    sweep: () => reaper.request(),
    feedback: (event) => feedback.next(event),
    beforeFinalLines: () => output.drainAll(),
    reply: (id, reply) => control?.reply(id, reply),
    exit: plan.exit,
  });

  // The feedback goes first: an action performed while the other sources are
  // still being subscribed (they emit at once) must find it listening.
  merge(
    feedback,
    from(notes),
    signalEvents({
      early: plan.early,
      caught: config.forwarded,
      debuggerClosed: plan.debuggerClosed,
      alsoReceived,
      selfInflicted: plan.selfInflicted,
      childExited: () => reaper.request(),
    }),
    reaper.passes,
    afterStartUp(),
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
