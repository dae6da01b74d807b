// The imperative shell: turns the outside world into events (caught signals,
// passes of the reap loop, the command's start), runs them through the pure
// supervisor, and performs the actions it returns.
import { filter, merge, partition, share, Subject } from 'rxjs';
import type { InitOptions } from '../cli/parse.js';
import type { Logger } from '../log/logger.js';
import { takeSelfInflicted } from '../log/self-signals.js';
import { statusForSpawnError } from '../posix/exit-status.js';
import { forwardedSignals } from '../posix/forwardable.js';
import { isRealtime, nodeSignalName, SIGCHLD, SIGINT, SIGTERM, SIGUSR1, signalName as nameSignal } from '../posix/signals.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { InitEvent, LogLevel } from '../streams/events.js';
import { caughtSignals } from '../streams/sources/signals.js';
import { reapBatches } from '../streams/sources/reap-batches.js';
import { supervise } from '../streams/supervise.js';
import { strerror } from '../syscalls/libc.js';
import { becomeChildSubreaper } from '../syscalls/prctl.js';
import { askForParentDeathSignal } from './parent-death.js';
import { realtimeRange } from '../syscalls/realtime.js';
import { listenSignal, listenSignalKeepingAlive } from '../syscalls/signal-listen.js';
import { SIGNAL_MESSAGE_BYTES, widenSignalPipes } from '../syscalls/signal-pipe.js';
import { signalsLostAtStartup } from '../syscalls/startup-signals.js';
import { watchForStartedInspector } from './inspector-watch.js';
import { spawnCommand } from '../syscalls/spawn.js';
import { giveTerminal, ownsTerminal } from '../syscalls/terminal.js';
import { reapExited } from '../syscalls/wait.js';
import { createInterpreter } from './interpreter.js';

export interface RunPlan {
  readonly options: InitOptions;
  readonly command: readonly string[];
  readonly logger: Logger;
  /** Descriptors the init inherited, to pass on to the command. */
  readonly inheritedFds: readonly number[];
  /** Hands over the signals caught before the supervisor was ready (see early-signals.ts). */
  readonly takeEarlySignals: () => number[];
  /** A SIGUSR1 during Node's start-up had opened its debugger, closed at start-up (see inherited-fds.ts). */
  readonly debuggerClosed: boolean;
}

/** -v info, -vv debug; otherwise errors only, and warnings too with -w (which asks for them). */
export function logLevelFor(options: Pick<InitOptions, 'verbosity' | 'warnReaped'>): LogLevel {
  if (options.verbosity >= 2) return 'debug';
  if (options.verbosity === 1) return 'info';
  return options.warnReaped ? 'warn' : 'error';
}

export function run({ options, command, logger, inheritedFds, takeEarlySignals, debuggerClosed }: RunPlan): void {
  const range = realtimeRange();
  const signalName = (signal: number): string => nameSignal(signal, range);
  const forwarded = forwardedSignals(options.realtime, range);
  // A realtime parent-death signal (-p) is caught even without -r, so that it is handled as sent.
  const deathSignal = options.parentDeathSignal;
  if (deathSignal !== undefined && isRealtime(deathSignal, range) && !forwarded.includes(deathSignal)) forwarded.push(deathSignal);
  const config: SupervisorConfig = {
    hasCommand: command.length > 0,
    signalGroup: options.processGroup,
    waitForChildren: !options.dontWait,
    broadcast: !options.dontBroadcast && !options.dontWait,
    shutdownOnSigint: !options.ignoreSigint,
    forwarded: new Set(forwarded),
    rewrites: new Map(options.rewrites),
    exitCodesToZero: new Set(options.exitCodes),
    delayTermMs: options.delayTermMs,
    warnReaped: options.warnReaped,
    logLevel: logger.threshold,
    signalName,
  };

  if (options.skipPidCheck && process.pid !== 1) {
    const error = becomeChildSubreaper();
    if (error) logger.log('warn', `${error.message}; orphans will not be re-parented to the init`);
  }
  const parentGone = deathSignal !== undefined && askForParentDeathSignal(deathSignal, signalName(deathSignal), logger);

  const events = new Subject<InitEvent>();
  const sweeps = new Subject<void>();
  const perform = createInterpreter({
    logger,
    signalName,
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

  // SIGCHLD's handle is what keeps the event loop alive: the init sleeps until a signal comes.
  const listen = (signal: number, handler: (signal: number) => void): (() => void) =>
    signal === SIGCHLD
      ? listenSignalKeepingAlive(signal, 'SIGCHLD', handler)
      : listenSignal(signal, nodeSignalName(signal), handler);
  const caught = caughtSignals([SIGCHLD, ...forwarded], listen).pipe(share());
  const [childExited, otherSignals] = partition(caught, (signal) => signal === SIGCHLD);
  // Read before the init's own handlers replace Node's start-up ones.
  const lostAtStartup = signalsLostAtStartup([SIGTERM, SIGINT]);
  otherSignals
    .pipe(filter((signal) => !takeSelfInflicted(signal)))
    .subscribe((signal) => events.next({ kind: 'signal', signal }));
  // Signals that came while the init was loading go in first, in order; the
  // pipeline holds them until the command runs.
  // Node may start its debugger more than once for one request (it asks both by
  // interrupt and through the event loop), so however often it has to be
  // closed, that counts as the one SIGUSR1 it was.
  let debuggerSeen = false;
  const debuggerOpened = (): void => {
    if (debuggerSeen) return;
    debuggerSeen = true;
    logger.log('warn', 'a SIGUSR1 came while Node.js was starting and opened its debugger; closed it again');
    events.next({ kind: 'signal', signal: SIGUSR1 });
  };
  if (debuggerClosed) debuggerOpened();
  for (const signal of [...takeEarlySignals(), ...lostAtStartup]) events.next({ kind: 'signal', signal });
  // The parent died before the kernel was asked (-p): the signal will never come, so it is made up.
  if (parentGone) events.next({ kind: 'signal', signal: deathSignal! });
  watchForStartedInspector(debuggerOpened);
  const widened = widenSignalPipes();
  for (const error of widened.errors) logger.log('warn', `${error.message}: more than 4096 signals pending at once would be lost`);
  if (widened.widened > 0) logger.log('debug', `room for ${widened.bytes / SIGNAL_MESSAGE_BYTES} pending signals`);
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
  } else {
    // On a terminal (docker run -it) the command gets a process group of its
    // own, and that group the terminal's foreground: Ctrl-C reaches it once,
    // straight from the terminal, and an interactive shell gets job control.
    const terminal = ownsTerminal(0) ? 0 : undefined;
    const result = spawnCommand({ argv: command, ownProcessGroup: options.processGroup, foregroundOf: terminal, inheritedFds });
    process.chdir('/');
    if ('pid' in result) {
      if (terminal !== undefined && !result.tookForeground) {
        const error = giveTerminal(terminal, result.pid);
        if (error) logger.log('warn', `${error.message}; the command does not have the terminal's foreground`);
      }
      if (terminal !== undefined) logger.log('debug', `the command (pid ${result.pid}) has the terminal's foreground`);
      events.next({ kind: 'spawned', pid: result.pid });
    } else {
      events.next({
        kind: 'spawnFailed',
        status: statusForSpawnError(result.errno),
        command: command[0]!,
        reason: strerror(result.errno),
      });
    }
  }
}
