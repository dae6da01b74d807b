// The imperative shell, wired in one place:
//
//   caught signals ─┐
//   reap passes ────┤
//   start-up over ──┼──► supervise (pure) ──► actions ──► interpreter ──► system calls
//   set-up notes ───┤                                          │
//   feedback ◄──────┴──────────────────────────────────────────┘
//                 (a command's pid, a broadcast's reach; a sweep asks the reap source for a pass)
//
// The feedback Subject is the one loop: what performing an action taught goes
// back into the pipeline as events.
import { from, merge, Observable, Subject } from 'rxjs';
import { codeCacheState, type CodeCacheState } from '../boot/code-cache-state.js';
import type { EarlySignals } from '../boot/early-signals.js';
import type { Logger } from '../log/logger.js';
import type { SelfInflictedSignals } from '../log/self-inflicted-signals.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { InitEvent } from '../streams/events.js';
import { reapPasses } from '../streams/sources/reap-passes.js';
import { supervise } from '../streams/supervise.js';
import { becomeChildSubreaper } from '../syscalls/prctl.js';
import { SIGNAL_MESSAGE_BYTES, widenSignalPipes } from '../syscalls/signal-pipe.js';
import { reapExited } from '../syscalls/reap-exited.js';
import { createInterpreter } from './interpreter.js';
import { askForParentDeathSignal } from './ask-for-parent-death-signal.js';
import { signalEvents } from './signal-events.js';
import { startCommand, type Launch } from './start-command.js';
import { appEnvironment } from './app-environment.js';
import { canSpawnInDirectory } from '../syscalls/spawn-command.js';
import { workingDirectory } from '../syscalls/working-directory.js';

export interface RunPlan {
  readonly config: SupervisorConfig;
  /** Not PID 1: orphans of the init's tree are to be re-parented to it. */
  readonly subreaper: boolean;
  /** Without -D, why the init may run without being PID 1 (under-another-init.ts). */
  readonly underAnotherInit: string | undefined;
  /** -p: the signal the kernel is to send the init when its parent dies. */
  readonly parentDeathSignal: number | undefined;
  /** The init's parent when its code first ran. */
  readonly parentAtStart: number;
  readonly logger: Logger;
  /** Each command's argv as bytes, as the init received them. */
  readonly commandArgv: ReadonlyArray<readonly Uint8Array[]>;
  /** Which command gets the terminal's foreground, when the init has one. */
  readonly foreground: number;
  /** Descriptors the init inherited, to pass on to the command. */
  readonly inheritedFds: readonly number[];
  /** The signals caught since the init's first modules ran (see boot/early-signals.ts). */
  readonly early: EarlySignals;
  /** A SIGUSR1 during Node's start-up had opened its debugger, closed at start-up (see scan-inherited-descriptors.ts). */
  readonly debuggerClosed: boolean;
  readonly selfInflicted: SelfInflictedSignals;
}

const CODE_CACHE_NOTES: Record<CodeCacheState, string> = {
  read: "compiled from V8's code cache",
  rejected: "V8 rejected its code cache (made by another Node.js?): a new one is made once start-up is over, where it can be written",
  none: "no code cache yet: one is made once start-up is over, where it can be written",
};

const note = (level: 'warn' | 'info' | 'debug', message: string): InitEvent => ({ kind: 'note', level, message });

/** What the init does to itself before the pipeline runs, and what it has to say about it. */
function setUp(plan: RunPlan): { notes: InitEvent[]; alsoReceived: number[] } {
  const notes: InitEvent[] = [];
  const alsoReceived: number[] = [];
  const cache = codeCacheState();
  if (cache !== undefined) notes.push(note('debug', CODE_CACHE_NOTES[cache]));
  if (plan.underAnotherInit !== undefined) notes.push(note('info', `not PID 1, but ${plan.underAnotherInit}: running as with -D`));
  if (plan.subreaper) {
    const error = becomeChildSubreaper();
    if (error) notes.push(note('warn', `${error.message}; orphans will not be re-parented to the init`));
  }
  const death = plan.parentDeathSignal;
  if (death !== undefined) {
    const asked = askForParentDeathSignal(death, plan.config.signalName(death), plan.parentAtStart);
    notes.push(...asked.notes);
    // The parent died before the kernel was asked: the signal will never come, so it is made up.
    if (asked.gone) alsoReceived.push(death);
  }
  const widened = widenSignalPipes();
  for (const error of widened.errors) notes.push(note('warn', `${error.message}: more than 4096 signals pending at once would be lost`));
  if (widened.widened > 0) notes.push(note('debug', `room for ${widened.bytes / SIGNAL_MESSAGE_BYTES} pending signals`));
  return { notes, alsoReceived };
}

/**
 * 'ready' once the event loop has run its first poll: the signals that reached
 * libuv while the init was loading have been delivered by then (the poll phase
 * comes before setImmediate's), so the commands start knowing about them.
 */
function afterStartUp(): Observable<InitEvent> {
  return new Observable<InitEvent>((subscriber) => {
    const turn = setImmediate(() => subscriber.next({ kind: 'ready' }));
    return () => clearImmediate(turn);
  });
}

export function run(plan: RunPlan): void {
  const { config, logger } = plan;
  const { notes, alsoReceived } = setUp(plan);
  const reaper = reapPasses(() => {
    const { exits, childless, error } = reapExited();
    return error ? { exits, childless, error: error.message } : { exits, childless };
  });
  // The init never pins the directory (and the mount under it) it started in:
  // it moves to / before any command exists, and each command starts in that
  // directory all the same (a C library that cannot do that gets the old order:
  // the init moves once the last command has started).
  const directory = canSpawnInDirectory ? workingDirectory() : undefined;
  if (directory !== undefined || config.commands.length === 0) process.chdir('/');
  const launch: Launch = { argv: plan.commandArgv, foreground: plan.foreground, inheritedFds: plan.inheritedFds, directory, environment: appEnvironment() };
  const feedback = new Subject<InitEvent>();
  const perform = createInterpreter({
    logger,
    signalName: config.signalName,
    start: (action) => {
      const events = startCommand(action, launch);
      if (directory === undefined && action.command === config.commands.length - 1) process.chdir('/');
      return events;
    },
    sweep: () => reaper.request(),
    feedback: (event) => feedback.next(event),
    exit: (status) => {
      logger.finish();
      process.exit(status);
    },
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
  )
    .pipe(supervise(config))
    .subscribe({
      next: perform,
      error: (error: unknown) => {
        logger.log('error', `internal error: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    });
}
