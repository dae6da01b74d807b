import { filter, type OperatorFunction } from 'rxjs';
import type { InitEvent } from '../events.js';

export type EventOf<K extends InitEvent['kind']> = Extract<InitEvent, { kind: K }>;

/** Keeps one kind of event, typed. */
export function ofKind<K extends InitEvent['kind']>(kind: K): OperatorFunction<InitEvent, EventOf<K>> {
  return filter((event): event is EventOf<K> => event.kind === kind);
}
