// The lifecycle of a run, as one state, and the one function that moves it on
// (SPEC §3, §10, §11). Every rule of the pipeline reads this state; none keeps
// its own.
//
//   starting ─ready, spawned─► running ─SIGTERM forwarded─► stopping ─a command ends─► waiting ─no child left─► exiting
//                                 └──────────────a command ends / SIGTERM without one──────┘
//
// - starting: the commands are not running yet. A SIGTERM or SIGINT now means
//   the container is being stopped: they are never started (SPEC §11).
// - running: the commands run; caught signals are delivered to them.
// - stopping: the init has passed a SIGTERM on to them (the --grace clock runs).
// - waiting: the shutdown sequence: broadcast SIGTERM, then wait until no child is left.
// - exiting: the exit status is chosen; nothing happens after.
// Without a command the run starts in `running`; -W goes from the stop straight to exiting.
import type { SupervisorConfig } from './config.js';
import { isLogged, type Action, type InitEvent, type Outcome } from './events.js';
import { describeExit, exitStatusOf } from '../posix/exit-status.js';
import { SIGINT, SIGKILL, SIGTERM } from '../posix/signals.js';

export type Phase = 'starting' | 'running' | 'stopping' | 'waiting' | 'exiting';

/** The pipeline's timers, each started and cancelled by a change of the state. */
export type TimerName = 'delayTerm' | 'grace' | 'report';

/** What the pipeline takes in: the world's events, and its own timers firing. */
export type Input = InitEvent | { readonly kind: 'timer'; readonly name: TimerName };

export interface Command {
  /** Null until it has been started (and for good when it could not be). */
  readonly pid: number | null;
  /** How it ended, once it has. */
  readonly outcome?: Outcome;
}

/** The shutdown sequence, once it has begun: what it did so far, for the wait and the summary. */
export interface Shutdown {
  /** The opening broadcast's reach, once known; the wait begins then (at once with -B). */
  readonly signalled?: number;
  /** The wait has begun: it asked for a sweep, and the next pass without children ends it. */
  readonly waiting: boolean;
}

/** A stop the init acts on: since when (the --grace clock), and what came of it. */
export interface Stopping {
  readonly since: number;
  /** Processes reaped since, that --grace did not kill. */
  readonly exited: number;
  /** How many --grace killed, once it ran out. */
  readonly killed?: number;
}

export interface Lifecycle {
  readonly phase: Phase;
  /** One entry per configured command, in order. */
  readonly commands: readonly Command[];
  /** Signals that take effect in this step: to the commands, or as a trigger without one. */
  readonly delivered: readonly number[];
  /** Signals dropped in this step because the commands have not started. */
  readonly dropped: readonly number[];
  /** Why the init stops, once it does: the first command's outcome, or the signal. */
  readonly stop?: Outcome;
  readonly stopping?: Stopping;
  readonly shutdown?: Shutdown;
  /** The interval of the next "still waiting" report. */
  readonly reportEvery: number;
  /** When each running timer fires, on the pipeline's scheduler clock. */
  readonly timers: Readonly<Partial<Record<TimerName, number>>>;
}

/** The first "still waiting" report comes 1 s into the wait; each interval after is twice the one before, up to a minute. */
const FIRST_REPORT_MS = 1_000;
const LAST_REPORT_INTERVAL_MS = 60_000;

export function initialLifecycle(config: Pick<SupervisorConfig, 'commands'>): Lifecycle {
  const starting = config.commands.length > 0;
  return {
    phase: starting ? 'starting' : 'running',
    commands: config.commands.map(() => ({ pid: null })),
    delivered: [],
    dropped: [],
    reportEvery: FIRST_REPORT_MS,
    timers: {},
  };
}

/**
 * How the log names command number `index`: "the command (pid 7)", or with
 * several (--run), "command 2 (pid 7: php-fpm -F)"; without a pid when it has none.
 */
export function commandLabel(index: number, pid: number | undefined, config: Pick<SupervisorConfig, 'commands'>): string {
  const at = pid === undefined ? '' : `pid ${pid}`;
  if (config.commands.length <= 1) return at === '' ? 'the command' : `the command (${at})`;
  const full = (config.commands[index] ?? []).join(' ');
  const line = full.length > 60 ? `${full.slice(0, 59)}…` : full;
  return `command ${index + 1} (${at === '' ? line : `${at}: ${line}`})`;
}

/** In no-command mode, whether a signal starts the shutdown; before the commands start, whether it cancels them. */
export function isShutdownSignal(signal: number, config: Pick<SupervisorConfig, 'shutdownOnSigint'>): boolean {
  return signal === SIGTERM || (signal === SIGINT && config.shutdownOnSigint);
}

/** Whether the shutdown sequence has begun (the stop is decided). */
export function isShuttingDown(state: Lifecycle): boolean {
  return state.phase === 'waiting' || state.phase === 'exiting';
}

/** The commands that are running now: started, and not ended. */
export function runningCommands(state: Lifecycle): Array<Command & { readonly pid: number }> {
  return state.commands.filter((command): command is Command & { pid: number } => command.pid !== null && !command.outcome);
}

function withoutTimer(timers: Lifecycle['timers'], name: TimerName): Lifecycle['timers'] {
  const { [name]: _cancelled, ...rest } = timers;
  return rest;
}

/** The init acts on a stop: the --grace clock starts, once. */
function startStopping(state: Lifecycle, now: number, config: SupervisorConfig): Lifecycle {
  if (state.stopping) return state;
  const timers = config.graceMs === undefined ? state.timers : { ...state.timers, grace: now + config.graceMs };
  return { ...state, stopping: { since: now, exited: 0 }, timers };
}

/** The wait for every child begins: a sweep is asked for, and the "still waiting" reports start (shown at info level only). */
function beginWait(state: Lifecycle, now: number, config: SupervisorConfig): Lifecycle {
  const shutdown = { ...state.shutdown!, waiting: true };
  const timers = isLogged('info', config.logLevel) ? { ...state.timers, report: now + FIRST_REPORT_MS } : state.timers;
  return { ...state, shutdown, timers };
}

/** The shutdown begins: broadcast first, or wait at once (-B, or once --grace has killed), or exit at once (-W). */
function beginShutdown(state: Lifecycle, stop: Outcome, now: number, config: SupervisorConfig): Lifecycle {
  if (isShuttingDown(state)) return state;
  const stopped = startStopping({ ...state, stop, timers: withoutTimer(state.timers, 'delayTerm') }, now, config);
  if (!config.waitForChildren) return { ...stopped, phase: 'exiting' };
  const broadcasts = config.broadcast && stopped.stopping!.killed === undefined;
  const shuttingDown: Lifecycle = { ...stopped, phase: 'waiting', shutdown: { waiting: false } };
  return broadcasts ? shuttingDown : beginWait({ ...shuttingDown, shutdown: { waiting: false, signalled: 0 } }, now, config);
}

/** Signals that take effect now. */
function takeEffect(state: Lifecycle, signals: readonly number[], now: number, config: SupervisorConfig): Lifecycle {
  if (signals.length === 0) return state;
  if (state.phase === 'starting') {
    // SPEC §11: a stop before the start. Anything else would only kill a command whose handlers do not exist yet.
    const stop = signals.find((signal) => isShutdownSignal(signal, { shutdownOnSigint: true }));
    if (stop === undefined) return { ...state, dropped: [...state.dropped, ...signals] };
    const reason = `received ${config.signalName(stop)} before the command started`;
    return beginShutdown(state, { status: 128 + stop, reason }, now, config);
  }
  if (state.phase !== 'running' && state.phase !== 'stopping') return state;
  const delivered = { ...state, delivered: [...state.delivered, ...signals] };
  if (config.commands.length > 0) return signals.includes(SIGTERM) ? { ...startStopping(delivered, now, config), phase: 'stopping' } : delivered;
  const trigger = signals.find((signal) => isShutdownSignal(signal, config));
  return trigger === undefined ? delivered : beginShutdown(delivered, { reason: `received ${config.signalName(trigger)}`, status: 0 }, now, config);
}

/** --delay-term: a SIGTERM waits for the delay; a second one during it acts at once, the held one first. */
function onSignal(state: Lifecycle, signal: number, now: number, config: SupervisorConfig): Lifecycle {
  const delays = signal === SIGTERM && config.delayTermMs > 0 && !isShuttingDown(state);
  if (!delays) return takeEffect(state, [signal], now, config);
  if (state.timers.delayTerm === undefined) return { ...state, timers: { ...state.timers, delayTerm: now + config.delayTermMs } };
  return takeEffect({ ...state, timers: withoutTimer(state.timers, 'delayTerm') }, [SIGTERM, SIGTERM], now, config);
}

/** A command ended; the first to end starts the shutdown with its outcome. */
function endCommand(state: Lifecycle, index: number, outcome: Outcome, now: number, config: SupervisorConfig): Lifecycle {
  const commands = state.commands.map((command, i) => (i === index ? { ...command, outcome } : command));
  return beginShutdown({ ...state, commands }, outcome, now, config);
}

function onSpawned(state: Lifecycle, index: number, pid: number): Lifecycle {
  const commands = state.commands.map((command, i) => (i === index ? { ...command, pid } : command));
  const allStarted = commands.every((command) => command.pid !== null || command.outcome);
  return { ...state, commands, phase: state.phase === 'starting' && allStarted ? 'running' : state.phase };
}

function onReaped(state: Lifecycle, event: Extract<InitEvent, { kind: 'reaped' }>, now: number, config: SupervisorConfig): Lifecycle {
  let next = state;
  if (next.stopping) {
    const killedNow = next.stopping.killed === undefined ? 0 : event.exits.filter((exit) => exit.signal === SIGKILL).length;
    next = { ...next, stopping: { ...next.stopping, exited: next.stopping.exited + event.exits.length - killedNow } };
  }
  // In the order reaped: when two commands end in one pass, the first reaped decides.
  for (const exit of event.exits) {
    const index = next.commands.findIndex((command) => command.pid === exit.pid && !command.outcome);
    if (index === -1) continue;
    const outcome = { status: exitStatusOf(exit), reason: `${commandLabel(index, exit.pid, config)} ${describeExit(exit, config.signalName)}` };
    next = endCommand(next, index, outcome, now, config);
  }
  // ECHILD counts only in a pass made after the wait began (which asked for one).
  if (state.shutdown?.waiting && event.childless) return { ...next, phase: 'exiting' };
  return next;
}

function onTimer(state: Lifecycle, name: TimerName, now: number, config: SupervisorConfig): Lifecycle {
  const timers = withoutTimer(state.timers, name);
  switch (name) {
    case 'delayTerm':
      return takeEffect({ ...state, timers }, [SIGTERM], now, config);
    case 'grace':
      // The kill goes out now (rules/kill-at-grace.ts); its reach comes back as 'killed'.
      return { ...state, timers };
    case 'report': {
      const every = Math.min(state.reportEvery * 2, LAST_REPORT_INTERVAL_MS);
      return { ...state, reportEvery: every, timers: { ...timers, report: now + every } };
    }
  }
}

/** The state after `input`, at `now` on the scheduler's clock. Pure. */
export function advance(state: Lifecycle, input: Input, now: number, config: SupervisorConfig): Lifecycle {
  const before = state.delivered.length === 0 && state.dropped.length === 0 ? state : { ...state, delivered: [], dropped: [] };
  if (before.phase === 'exiting') return before;
  switch (input.kind) {
    case 'ready':
    case 'note':
    case 'remaining':
      return before;
    case 'signal':
      return onSignal(before, input.signal, now, config);
    case 'timer':
      return onTimer(before, input.name, now, config);
    case 'spawned':
      return onSpawned(before, input.command, input.pid);
    case 'spawnFailed':
      return endCommand(before, input.command, { status: input.status, reason: `${commandLabel(input.command, undefined, config)} could not be started (${input.reason})` }, now, config);
    case 'reaped':
      return onReaped(before, input, now, config);
    case 'signalled': {
      // The opening broadcast is done: the wait begins.
      const opening = before.shutdown && before.shutdown.signalled === undefined;
      return opening ? beginWait({ ...before, shutdown: { ...before.shutdown!, signalled: input.count } }, now, config) : before;
    }
    case 'killed':
      return before.stopping ? { ...before, stopping: { ...before.stopping, killed: input.processes.length } } : before;
  }
}

/** One move of the lifecycle: what every rule looks at. */
export interface Step {
  readonly before: Lifecycle;
  readonly after: Lifecycle;
  readonly input: Input;
  /** When, on the scheduler's clock. */
  readonly now: number;
}

/** A rule of SPEC §3-§15: the actions one step calls for. Pure. */
export type Rule = (step: Step, config: SupervisorConfig) => readonly Action[];
