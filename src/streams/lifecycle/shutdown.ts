// The shutdown sequence (SPEC §3.3, §10, §17): decided once, with the outcome
// that ends the container. The file's services are stopped one by one (the
// copies of one with scale together), dependents first, each waited for;
// then SIGTERM is broadcast (unless -B, or --grace has killed everything
// already); then the sweep waits until no child is left. -W exits at once.
// The --grace clock runs from the first stop the init acts on.
import { isLogged, type Outcome } from '../events.js';
import { note, patchService, setServiceTimer, setTimer, type Move } from './move.js';
import { cancelServiceTimers } from './service-moves.js';
import { stopService } from './stop-service.js';
import { FIRST_REPORT_MS, isLive } from './state.js';


/** The init acts on a stop: the --grace clock starts, once. */
export function startStopClock(move: Move): void {
  if (move.state.stop) return;
  move.state = { ...move.state, stop: { since: move.now, exited: 0 } };
  if (move.config.graceMs !== undefined) setTimer(move, 'grace', move.now + move.config.graceMs);
}

/** The exit status is chosen. */
export function exitNow(move: Move): void {
  move.state = { ...move.state, phase: 'exiting' };
  note(move, { kind: 'exit' });
}

/** The wait for every child begins; `signalled`: the broadcast's reach. The "still waiting" reports are shown at info level only. */
export function beginSweep(move: Move, signalled: number): void {
  move.state = { ...move.state, shutdown: { step: 'sweep', signalled } };
  note(move, { kind: 'sweep' });
  if (isLogged('info', move.config.logLevel)) setTimer(move, 'report', move.now + FIRST_REPORT_MS);
}

/** The broadcast, or the sweep at once (-B, or --grace has killed everything). */
export function broadcastOrSweep(move: Move): void {
  if (move.config.broadcast && move.state.stop?.killed === undefined) {
    move.state = { ...move.state, shutdown: { step: 'broadcast' } };
    note(move, { kind: 'broadcast' });
  } else {
    beginSweep(move, 0);
  }
}

/** The programs stopped together with program `index`: every copy of a service with scale (side by side in the configuration), else it alone. */
function stoppedTogether(move: Move, index: number): number[] {
  const copyOf = move.config.services[index]!.replicaOf;
  if (copyOf === undefined) return [index];
  return [...move.config.services.keys()].filter((other) => move.config.services[other]!.replicaOf === copyOf);
}

/**
 * Stops the next of the file's services, the live one with the highest index
 * below `below` (with its copies, at once: N queue workers finish their jobs
 * side by side, not one after another); after the last, the broadcast.
 */
function stopServicesBelow(move: Move, below: number): void {
  for (let index = below - 1; index >= 0; index--) {
    if (move.config.services[index]!.role !== 'service' || !isLive(move.state.services[index]!)) continue;
    const together = stoppedTogether(move, index);
    move.state = { ...move.state, shutdown: { step: 'services', service: together[0]! } };
    for (const one of together) {
      const service = move.state.services[one]!;
      if (!isLive(service)) continue;
      // One the init is stopping already (to restart it) is waited for as it is.
      if (service.status === 'stopping') patchService(move, one, { afterStop: 'stay' });
      else stopService(move, one, 'stay');
    }
    return;
  }
  broadcastOrSweep(move);
}

/** A program is gone: when the ordered stop waited for it (and it was the last of its copies), the next one. */
export function serviceGone(move: Move, index: number): void {
  const { shutdown } = move.state;
  if (shutdown?.step !== 'services') return;
  const together = stoppedTogether(move, shutdown.service);
  if (!together.includes(index) || together.some((one) => isLive(move.state.services[one]!))) return;
  stopServicesBelow(move, together[0]!);
}

export function beginShutdown(move: Move, outcome: Outcome): void {
  if (move.state.phase === 'shuttingDown' || move.state.phase === 'exiting') return;
  move.state = { ...move.state, phase: 'shuttingDown', outcome };
  setTimer(move, 'delayTerm', undefined);
  startStopClock(move);
  // What waits to start never will; nothing is probed any more (a probe that runs gets the broadcast).
  for (const [index, service] of move.state.services.entries()) {
    setServiceTimer(move, index, 'probe', undefined);
    if (service.status === 'waiting' || service.status === 'backingOff') {
      cancelServiceTimers(move, index);
      patchService(move, index, { status: 'stopped', since: move.now });
    }
  }
  note(move, { kind: 'shutdown' });
  if (!move.config.waitForChildren) return exitNow(move);
  stopServicesBelow(move, move.config.services.length);
}
