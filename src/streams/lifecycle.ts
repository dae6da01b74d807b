// The lifecycle of a run, as one state, and the one function that moves it on
// (SPEC §3). Every rule of the pipeline reads this state; none keeps its own.
//
//   starting ──ready, spawned──► running ──a command ends / SIGTERM──► stopping ──broadcast done──► waiting ──no child left──► exiting
//
// - starting: the commands are not running yet (signals for them are held).
// - running: the commands run; caught signals are delivered to them.
// - stopping: the shutdown has begun and its SIGTERM broadcast is under way.
// - waiting: the init waits until it has no child left.
// - exiting: the exit status is chosen; nothing happens after.
// Without a command the run starts in `running`. -B goes from running straight
// to waiting, -W straight to exiting.
import type { SupervisorConfig } from './config.js';
import type { Action, InitEvent, Outcome } from './events.js';
import { describeExit, exitStatusOf } from '../posix/exit-status.js';
import { SIGINT, SIGTERM } from '../posix/signals.js';

export type Phase = 'starting' | 'running' | 'stopping' | 'waiting' | 'exiting';

/** The pipeline's timers, each started and cancelled by a change of the state. */
export type TimerName = 'delayTerm';

/** What the pipeline takes in: the world's events, and its own timers firing. */
export type Input = InitEvent | { readonly kind: 'timer'; readonly name: TimerName };

export interface Command {
  /** Null until it has been started (and for good when it could not be). */
  readonly pid: number | null;
  /** How it ended, once it has. */
  readonly outcome?: Outcome;
}

export interface Lifecycle {
  readonly phase: Phase;
  /** One entry per configured command, in order. */
  readonly commands: readonly Command[];
  /** Signals caught before the commands run, delivered once they do. */
  readonly held: readonly number[];
  /** Signals that take effect in this step: to the commands, or as a trigger without one. */
  readonly delivered: readonly number[];
  /** Why the init stops, once it does: the first command's outcome, or the signal. */
  readonly stop?: Outcome;
  /** When each running timer fires, on the pipeline's scheduler clock. */
  readonly timers: Readonly<Partial<Record<TimerName, number>>>;
}

export function initialLifecycle(config: Pick<SupervisorConfig, 'commands'>): Lifecycle {
  const starting = config.commands.length > 0;
  return {
    phase: starting ? 'starting' : 'running',
    commands: config.commands.map(() => ({ pid: null })),
    held: [],
    delivered: [],
    timers: {},
  };
}

/** In no-command mode, whether a signal starts the shutdown. */
export function isShutdownSignal(signal: number, config: Pick<SupervisorConfig, 'shutdownOnSigint'>): boolean {
  return signal === SIGTERM || (signal === SIGINT && config.shutdownOnSigint);
}

/** Whether the shutdown has begun (the stop is decided). */
export function isShuttingDown(state: Lifecycle): boolean {
  return state.phase === 'stopping' || state.phase === 'waiting' || state.phase === 'exiting';
}

/** The commands that are running now: started, and not ended. */
export function runningCommands(state: Lifecycle): Array<Command & { readonly pid: number }> {
  return state.commands.filter((command): command is Command & { pid: number } => command.pid !== null && !command.outcome);
}

function withoutTimer(timers: Lifecycle['timers'], name: TimerName): Lifecycle['timers'] {
  const { [name]: _cancelled, ...rest } = timers;
  return rest;
}

/** The shutdown begins: broadcast first (stopping), or wait at once (-B), or exit at once (-W). */
function beginShutdown(state: Lifecycle, stop: Outcome, config: SupervisorConfig): Lifecycle {
  if (isShuttingDown(state)) return state;
  const phase: Phase = !config.waitForChildren ? 'exiting' : config.broadcast ? 'stopping' : 'waiting';
  return { ...state, phase, stop, held: [], timers: withoutTimer(state.timers, 'delayTerm') };
}

/** Signals that take effect now: held while the commands start, delivered while they run. */
function takeEffect(state: Lifecycle, signals: readonly number[], config: SupervisorConfig): Lifecycle {
  if (signals.length === 0) return state;
  if (state.phase === 'starting') return { ...state, held: [...state.held, ...signals] };
  if (state.phase !== 'running') return state;
  const delivered = { ...state, delivered: [...state.delivered, ...signals] };
  if (config.commands.length > 0) return delivered;
  const trigger = signals.find((signal) => isShutdownSignal(signal, config));
  return trigger === undefined ? delivered : beginShutdown(delivered, { reason: `received ${config.signalName(trigger)}`, status: 0 }, config);
}

/** --delay-term: a SIGTERM waits for the delay; a second one during it acts at once, the held one first. */
function onSignal(state: Lifecycle, signal: number, now: number, config: SupervisorConfig): Lifecycle {
  const delays = signal === SIGTERM && config.delayTermMs > 0 && (state.phase === 'starting' || state.phase === 'running');
  if (!delays) return takeEffect(state, [signal], config);
  if (state.timers.delayTerm === undefined) return { ...state, timers: { ...state.timers, delayTerm: now + config.delayTermMs } };
  return takeEffect({ ...state, timers: withoutTimer(state.timers, 'delayTerm') }, [SIGTERM, SIGTERM], config);
}

/** A command ended; the first to end starts the shutdown with its outcome. */
function endCommand(state: Lifecycle, index: number, outcome: Outcome, config: SupervisorConfig): Lifecycle {
  const commands = state.commands.map((command, i) => (i === index ? { ...command, outcome } : command));
  return beginShutdown({ ...state, commands }, outcome, config);
}

function onSpawned(state: Lifecycle, index: number, pid: number): Lifecycle {
  const commands = state.commands.map((command, i) => (i === index ? { ...command, pid } : command));
  const allStarted = commands.every((command) => command.pid !== null || command.outcome);
  if (state.phase !== 'starting' || !allStarted) return { ...state, commands };
  return { ...state, commands, phase: 'running', delivered: state.held, held: [] };
}

function onReaped(state: Lifecycle, event: Extract<InitEvent, { kind: 'reaped' }>, config: SupervisorConfig): Lifecycle {
  let next = state;
  // In the order reaped: when two commands end in one pass, the first reaped decides.
  for (const exit of event.exits) {
    const index = next.commands.findIndex((command) => command.pid === exit.pid && !command.outcome);
    if (index === -1) continue;
    const name = config.commands.length > 1 ? `command ${index + 1}` : 'command';
    next = endCommand(next, index, { status: exitStatusOf(exit), reason: `the ${name} (pid ${exit.pid}) ${describeExit(exit, config.signalName)}` }, config);
  }
  // ECHILD counts only in a pass made after the wait began (which asked for one).
  if (state.phase === 'waiting' && event.childless) return { ...next, phase: 'exiting' };
  return next;
}

/** The state after `input`, at `now` on the scheduler's clock. Pure. */
export function advance(state: Lifecycle, input: Input, now: number, config: SupervisorConfig): Lifecycle {
  const before = state.delivered.length === 0 ? state : { ...state, delivered: [] };
  if (before.phase === 'exiting') return before;
  switch (input.kind) {
    case 'ready':
    case 'note':
      return before;
    case 'signal':
      return onSignal(before, input.signal, now, config);
    case 'timer':
      return takeEffect({ ...before, timers: withoutTimer(before.timers, input.name) }, [SIGTERM], config);
    case 'spawned':
      return onSpawned(before, input.command, input.pid);
    case 'spawnFailed': {
      const failed = endCommand(before, input.command, { status: input.status, reason: `the command could not be started (${input.reason})` }, config);
      // Held signals have nobody to go to: delivered, to be dropped with a word.
      return { ...failed, delivered: before.held, held: [] };
    }
    case 'reaped':
      return onReaped(before, input, config);
    case 'signalled':
      // The opening broadcast is done: the wait begins.
      return before.phase === 'stopping' ? { ...before, phase: 'waiting' } : before;
  }
}

/** One move of the lifecycle: what every rule looks at. */
export interface Step {
  readonly before: Lifecycle;
  readonly after: Lifecycle;
  readonly input: Input;
}

/** A rule of SPEC §3-§8: the actions one step calls for. Pure. */
export type Rule = (step: Step, config: SupervisorConfig) => readonly Action[];
