// The imperative shell: turns the outside world into events (caught signals,
// passes of the reap loop, the command's start), runs them through the pure
// supervisor, and performs the actions it returns.
import { merge, Subject } from 'rxjs';
import type { EarlySignals } from '../boot/early-signals.js';
import type { InitOptions } from '../cli/parse.js';
import type { Logger } from '../log/logger.js';
import { signalName } from '../posix/signals.js';
import type { InitEvent, LogLevel } from '../streams/events.js';
import { reapBatches } from '../streams/sources/reap-batches.js';
import { supervise } from '../streams/supervise.js';
import { becomeChildSubreaper } from '../syscalls/prctl.js';
import { realtimeRange } from '../syscalls/realtime.js';
import { reapExited } from '../syscalls/wait.js';
import { createInterpreter } from './interpreter.js';
import { askForParentDeathSignal } from './parent-death.js';
import { startSignalEvents } from './signal-events.js';
import { startCommand } from './start-command.js';
import { supervisorConfig } from './supervisor-config.js';

export interface RunPlan {
  readonly options: InitOptions;
  readonly command: readonly string[];
  readonly logger: Logger;
  /** Descriptors the init inherited, to pass on to the command. */
  readonly inheritedFds: readonly number[];
  /** The signals caught since the init's first modules ran (see boot/early-signals.ts). */
  readonly early: EarlySignals;
  /** A SIGUSR1 during Node's start-up had opened its debugger, closed at start-up (see inherited-fds.ts). */
  readonly debuggerClosed: boolean;
}

/** -v info, -vv debug; otherwise errors only, and warnings too with -w (which asks for them). */
export function logLevelFor(options: Pick<InitOptions, 'verbosity' | 'warnReaped'>): LogLevel {
  if (options.verbosity >= 2) return 'debug';
  if (options.verbosity === 1) return 'info';
  return options.warnReaped ? 'warn' : 'error';
}

export function run({ options, command, logger, inheritedFds, early, debuggerClosed }: RunPlan): void {
  const range = realtimeRange();
  const config = supervisorConfig(options, command, logger.threshold, range);

  if (options.skipPidCheck && process.pid !== 1) {
    const error = becomeChildSubreaper();
    if (error) logger.log('warn', `${error.message}; orphans will not be re-parented to the init`);
  }
  const death = options.parentDeathSignal;
  // The parent died before the kernel was asked (-p): the signal will never come, so it is made up.
  const parentGone = death !== undefined && askForParentDeathSignal(death, signalName(death, range), logger);

  const events = new Subject<InitEvent>();
  const sweeps = new Subject<void>();
  const perform = createInterpreter({
    logger,
    signalName: config.signalName,
    requestSweep: () => sweeps.next(),
    exit: (status) => process.exit(status),
  });
  events.pipe(supervise(config)).subscribe({
    next: perform,
    error: (error: unknown) => {
      logger.log('error', `internal error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  });

  const childExited = startSignalEvents({
    forwarded: config.forwarded,
    events,
    logger,
    early,
    debuggerClosed,
    alsoReceived: parentGone ? [death] : [],
  });
  // Its first pass reaps, right now, the zombies that were already there (the
  // init was exec'd by a shell that had children); then one pass per SIGCHLD or sweep.
  reapBatches(merge(childExited, sweeps), () => {
    const pass = reapExited();
    if (pass.error) logger.log('error', pass.error.message);
    return pass;
  }).subscribe((event) => events.next(event));

  // From here on the init never pins the directory (and the mount under it) it
  // started in; the command, started just before, keeps it as its own.
  if (command.length === 0) {
    process.chdir('/');
    const triggers = options.ignoreSigint ? 'SIGTERM' : 'SIGTERM or SIGINT';
    logger.log('info', `no command: adopting and reaping children until ${triggers}`);
    return;
  }
  const started = startCommand({ command, ownProcessGroup: options.processGroup, inheritedFds, logger });
  process.chdir('/');
  events.next(started);
}
