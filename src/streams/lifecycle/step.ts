// One move of the lifecycle: what comes in (an input), and what the move
// found (facts), for the rules to turn into actions.
import type { SupervisorConfig } from '../config.js';
import type { Action, ChildExit, InitEvent } from '../events.js';
import type { ControlReply } from '../control.js';
import type { HookKind } from '../service.js';
import type { ContainerTimer, Lifecycle, ServiceTimer } from './state.js';

/** A timer that fired: the container's, or one program's. */
export type TimerInput =
  | { readonly kind: 'timer'; readonly name: ContainerTimer }
  | { readonly kind: 'timer'; readonly name: ServiceTimer; readonly service: number };

/** What the pipeline takes in: the world's events, and its own timers firing. */
export type Input = InitEvent | TimerInput;

/** Why a signal goes nowhere. */
export type DropReason = 'notStarted' | 'atStartUp' | 'noCommand' | 'noneRunning' | 'shuttingDown';

/** What a move found, in the order it happened; each rule turns some kinds into actions. */
export type Fact =
  /** Start program `service`. */
  | { readonly kind: 'start'; readonly service: number }
  /** A received signal goes to these programs (each a live one). */
  | { readonly kind: 'deliver'; readonly signal: number; readonly services: readonly number[] }
  | { readonly kind: 'drop'; readonly signal: number; readonly why: DropReason }
  /** --delay-term holds a SIGTERM. */
  | { readonly kind: 'hold'; readonly signal: number }
  /** Program `service` (pid `exit.pid`) ended. */
  | { readonly kind: 'exited'; readonly service: number; readonly exit: ChildExit }
  /** It starts again in `delayMs`, for the `restarts`th time. */
  | { readonly kind: 'restarting'; readonly service: number; readonly delayMs: number; readonly restarts: number }
  /** A reaped process that no program of the init's was: an orphan. */
  | { readonly kind: 'orphan'; readonly exit: ChildExit }
  /** The shutdown sequence begins, for the outcome's reason. */
  | { readonly kind: 'shutdown' }
  /** Program `service` gets its stop signal. */
  | { readonly kind: 'stopService'; readonly service: number }
  /** Its stop_grace_period ran out: SIGKILL. */
  | { readonly kind: 'killService'; readonly service: number }
  /** SIGTERM to every process the init answers for. */
  | { readonly kind: 'broadcast' }
  /** The wait for every child begins. */
  | { readonly kind: 'sweep' }
  /** --grace ran out: SIGKILL to every process the init answers for. */
  | { readonly kind: 'killAll' }
  /** Name what keeps the init waiting. */
  | { readonly kind: 'report' }
  /** The exit status is chosen. */
  | { readonly kind: 'exit' }
  /** Run program `service`'s health probe. */
  | { readonly kind: 'probe'; readonly service: number }
  /** Its probe outlived its timeout (or the program's run): SIGKILL to the probe's process group. */
  | { readonly kind: 'killProbe'; readonly service: number; readonly pid: number }
  /** Its health changed (to healthy or unhealthy), with the last probe's output. */
  | { readonly kind: 'health'; readonly service: number }
  /** Run its hook number `index` of `hook`. */
  | { readonly kind: 'hook'; readonly service: number; readonly hook: HookKind; readonly index: number }
  /** Its run ended while a hook ran: SIGKILL to the hook's process group. */
  | { readonly kind: 'killHook'; readonly service: number; readonly pid: number }
  /** A hook ended (`ok`: it exited 0), `how` in words, with what it wrote. */
  | { readonly kind: 'hookEnded'; readonly service: number; readonly hook: HookKind; readonly index: number; readonly ok: boolean; readonly how: string; readonly output: string }
  /** The answer to control request `id`. */
  | { readonly kind: 'reply'; readonly id: number; readonly reply: ControlReply };

export type FactKind = Fact['kind'];

/** One move of the lifecycle: what every rule looks at. */
export interface Step {
  readonly before: Lifecycle;
  readonly after: Lifecycle;
  readonly input: Input;
  /** When, on the scheduler's clock. */
  readonly now: number;
  readonly facts: readonly Fact[];
}

/** A rule of SPEC §3-§19: the actions that one fact of a step calls for. Pure. */
export type Rule<Kind extends FactKind = FactKind> = (fact: Extract<Fact, { readonly kind: Kind }>, step: Step, config: SupervisorConfig) => readonly Action[];
