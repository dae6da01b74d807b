// Rule: which caught signals are meant for the command (SPEC §4). Signals that
// arrive before the command has started are held and released, in order, once
// its pid is known; if it never starts they are released with pid null (to be
// dropped). Completes when the command's exit has been reaped: from then on the
// shutdown sequence decides what a signal means.
import { mergeMap, scan, takeWhile, type OperatorFunction } from 'rxjs';
import type { InitEvent } from '../events.js';

export interface SignalForCommand {
  /** The signal to send: 0 when --rewrite drops it. */
  readonly signal: number;
  /** The command's pid, or null when the command could not be started. */
  readonly pid: number | null;
  /** The signal the init received, when --rewrite changed it. */
  readonly original?: number;
}

interface State {
  readonly phase: 'starting' | 'running' | 'ended';
  readonly pid: number | null;
  readonly held: readonly number[];
  readonly release: readonly SignalForCommand[];
}

const STARTING: State = { phase: 'starting', pid: null, held: [], release: [] };

function step(state: State, event: InitEvent): State {
  const quiet = { ...state, release: [] };
  switch (event.kind) {
    case 'spawned':
      return { phase: 'running', pid: event.pid, held: [], release: state.held.map((signal) => ({ signal, pid: event.pid })) };
    case 'spawnFailed':
      return { phase: 'ended', pid: null, held: [], release: state.held.map((signal) => ({ signal, pid: null })) };
    case 'signal':
      if (state.phase === 'starting') return { ...quiet, held: [...state.held, event.signal] };
      return { ...quiet, release: [{ signal: event.signal, pid: state.pid }] };
    case 'reaped':
      return event.exits.some((exit) => exit.pid === state.pid) ? { ...quiet, phase: 'ended' } : quiet;
    case 'held':
      return quiet;
  }
}

export function commandSignals(): OperatorFunction<InitEvent, SignalForCommand> {
  return (events) =>
    events.pipe(
      scan(step, STARTING),
      takeWhile((state) => state.phase !== 'ended', true),
      mergeMap((state) => state.release),
    );
}
