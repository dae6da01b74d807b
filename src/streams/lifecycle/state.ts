// The supervision tree's state: the container on top, one small state per
// supervised program below. advance.ts moves it; nothing else keeps state.
import type { Outcome } from '../events.js';
import type { HookKind } from '../service.js';

/** How a run ended: its status (the shell's convention) and the words for it ("exited with status 3"). */
export interface RunEnd {
  readonly status: number;
  readonly how: string;
}

/**
 * The container's phase (the diagram is at the top of advance.ts).
 * - starting: before start-up is over; nothing has been started. (Without a
 *   program, the "container as VM" mode, the run starts in `running`.)
 * - running: the programs run, restart, are probed and get signals.
 * - shuttingDown: the shutdown sequence (SPEC §3.3, §17): the file's services
 *   stopped in reverse order, then the broadcast, then the sweep (the wait
 *   until no child is left).
 * - exiting: the exit status is chosen; nothing moves after.
 */
export type Phase = 'starting' | 'running' | 'shuttingDown' | 'exiting';

/**
 * One program's status (what `ps` shows).
 * - waiting: for start-up, or for its dependencies.
 * - starting: asked to start; its pid is not known yet.
 * - running: it runs (its health, if it has a check, is in `health`).
 * - stopping: its stop signal was sent; it has not exited yet.
 * - backingOff: it exited; it starts again when its restart timer fires.
 * - completed: a one-shot that exited 0; it ends nothing.
 * - stopped: the init stopped it, or it was never started before the shutdown.
 * - gaveUp: on-failure:N ran out.
 * - exited: it ended for good on its own (restart "no"), and so ended the container.
 */
export type ServiceStatus = 'waiting' | 'starting' | 'running' | 'stopping' | 'backingOff' | 'completed' | 'stopped' | 'gaveUp' | 'exited';

/** The container's timers. */
export type ContainerTimer = 'delayTerm' | 'grace' | 'report';
/** Each program's timers. */
export type ServiceTimer = 'restart' | 'stopGrace' | 'probe' | 'probeTimeout';

/** When each running timer fires, on the pipeline's scheduler clock. */
export type Timers<Name extends string> = Readonly<Partial<Record<Name, number>>>;

/** A health check's state (SPEC §18), for one run of the program. */
export interface Health {
  readonly status: 'starting' | 'healthy' | 'unhealthy';
  /** Failed probes in a row that counted (none count during start_period). */
  readonly failures: number;
  /** Its check passed at least once in this run (service_healthy). */
  readonly passed: boolean;
  /** The last probe's output, on one line. */
  readonly output: string;
}

/** A lifecycle hook that runs: its number in its list, its pid once known, and whether its program's run has ended (then it is killed, and nothing follows it). */
export interface RunningHook {
  readonly index: number;
  readonly pid: number | null;
  readonly abandoned: boolean;
}

/** A health probe that runs: its pid once known, when it started, whether its timeout killed it, and whether its result still counts (not once the program's run has ended). */
export interface Probe {
  readonly pid: number | null;
  readonly since: number;
  readonly timedOut: boolean;
  readonly counts: boolean;
}

export interface ServiceState {
  readonly status: ServiceStatus;
  /** While starting, running or stopping: its pid, once known. */
  readonly pid: number | null;
  /** When it entered its status, on the scheduler's clock (a running one's uptime counts from here). */
  readonly since: number;
  /** How many restarts were decided (the one it is backing off for included). */
  readonly restarts: number;
  /** Runs in a row that failed (exited non-zero), for on-failure:N. */
  readonly failures: number;
  /** The last restart's delay (Docker's backoff doubles it); 0 before the first. */
  readonly delayMs: number;
  /** How its last run ended. */
  readonly lastExit?: RunEnd;
  /** It has run at least once (service_started). */
  readonly started: boolean;
  /**
   * While stopping: what follows its exit: a restart under its policy (it
   * turned unhealthy), one at once (asked for), one once its dependencies are
   * met again (a dependency it has `restart: true` on was restarted), or nothing.
   */
  readonly afterStop?: 'restart' | 'restartNow' | 'restartAfterDependencies' | 'stay' | undefined;
  /** Its health, while a run with a health check goes on. */
  readonly health?: Health | undefined;
  /** Its health probe, from its start until it is reaped. */
  readonly probe?: Probe | undefined;
  /** Its post_start and pre_stop hooks that run, each from its start until it is reaped. */
  readonly hooks?: Partial<Record<HookKind, RunningHook>> | undefined;
  readonly timers: Timers<ServiceTimer>;
}

/** The stop the init acts on, from the moment it first passes a SIGTERM on or starts the shutdown: the --grace clock and the summary's tally. */
export interface Stop {
  readonly since: number;
  /** Processes reaped since, that --grace did not kill. */
  readonly exited: number;
  /** How many --grace killed, once it ran out. */
  readonly killed?: number;
}

/** Where the shutdown sequence is. */
export type Shutdown =
  /** Stopping the file's services one by one, dependents first: `service` is the one the init waits for (the first of its copies: it waits for them all). */
  | { readonly step: 'services'; readonly service: number }
  /** The broadcast went out; its reach is not known yet. */
  | { readonly step: 'broadcast' }
  /** Waiting until no child is left; `signalled`: the broadcast's reach (0 without one). */
  | { readonly step: 'sweep'; readonly signalled: number };

export interface Lifecycle {
  readonly phase: Phase;
  /** One per configured program, in the configuration's order. */
  readonly services: readonly ServiceState[];
  /** Why the container ends and with what status (before -e): decided once, by the first program to end it or the signal. */
  readonly outcome?: Outcome;
  readonly stop?: Stop;
  readonly shutdown?: Shutdown;
  /** The interval of the next "still waiting" report. */
  readonly reportEvery: number;
  readonly timers: Timers<ContainerTimer>;
}

/** The first "still waiting" report comes 1 s into the wait. */
export const FIRST_REPORT_MS = 1_000;

export function initialLifecycle(config: { readonly services: readonly unknown[] }): Lifecycle {
  return {
    phase: config.services.length > 0 ? 'starting' : 'running',
    services: config.services.map(() => ({ status: 'waiting', pid: null, since: 0, restarts: 0, failures: 0, delayMs: 0, started: false, timers: {} })),
    reportEvery: FIRST_REPORT_MS,
    timers: {},
  };
}

/** A program with a process that runs now (running or stopping). */
export function isLive(service: ServiceState): service is ServiceState & { readonly pid: number } {
  return service.pid !== null && (service.status === 'running' || service.status === 'stopping');
}

// Which program a pid is: the one place that answers it (for a reaped exit, for -w, for a probe's result).

/** The index of the live program that runs as `pid`; -1 for none. */
export function serviceWithPid(state: Lifecycle, pid: number): number {
  return state.services.findIndex((service) => isLive(service) && service.pid === pid);
}

/** The program whose hook runs as `pid`, and which of its hooks; undefined for none. */
export function hookWithPid(state: Lifecycle, pid: number): { readonly service: number; readonly kind: HookKind } | undefined {
  for (const [service, { hooks }] of state.services.entries()) {
    if (hooks?.postStart?.pid === pid) return { service, kind: 'postStart' };
    if (hooks?.preStop?.pid === pid) return { service, kind: 'preStop' };
  }
  return undefined;
}

/** The index of the program whose health probe runs as `pid`; -1 for none. */
export function probeWithPid(state: Lifecycle, pid: number): number {
  return state.services.findIndex((service) => service.probe?.pid === pid);
}
