// A move being made: the state so far and the facts found so far, with the
// few edits every part of the lifecycle makes. A Move lives for one call of
// advance, which is pure from the outside.
import type { SupervisorConfig } from '../config.js';
import type { Fact } from './step.js';
import type { ContainerTimer, Lifecycle, ServiceState, ServiceTimer } from './state.js';

export interface Move {
  state: Lifecycle;
  readonly facts: Fact[];
  readonly now: number;
  readonly config: SupervisorConfig;
}

export function note(move: Move, fact: Fact): void {
  move.facts.push(fact);
}

export function patchService(move: Move, index: number, patch: Partial<ServiceState>): ServiceState {
  const next = { ...move.state.services[index]!, ...patch };
  move.state = { ...move.state, services: move.state.services.map((service, i) => (i === index ? next : service)) };
  return next;
}

/** Starts (at `due`) or cancels (undefined) one of the container's timers. */
export function setTimer(move: Move, name: ContainerTimer, due: number | undefined): void {
  const { [name]: _old, ...rest } = move.state.timers;
  move.state = { ...move.state, timers: due === undefined ? rest : { ...rest, [name]: due } };
}

/** Starts (at `due`) or cancels (undefined) one of a program's timers. */
export function setServiceTimer(move: Move, index: number, name: ServiceTimer, due: number | undefined): void {
  const { [name]: _old, ...rest } = move.state.services[index]!.timers;
  patchService(move, index, { timers: due === undefined ? rest : { ...rest, [name]: due } });
}
