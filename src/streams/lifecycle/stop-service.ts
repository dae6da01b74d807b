// Stopping one program (SPEC §17, §18): its stop_signal now, SIGKILL when its
// stop_grace_period runs out; what follows its exit is kept with it.
import { note, patchService, setServiceTimer, type Move } from './move.js';

/** `afterStop`: restart it once it is gone (it turned unhealthy), or let it stay stopped. */
export function stopService(move: Move, index: number, afterStop: 'restart' | 'stay'): void {
  patchService(move, index, { status: 'stopping', afterStop });
  note(move, { kind: 'stopService', service: index });
  const graceMs = move.config.services[index]!.stopGraceMs;
  if (graceMs !== undefined) setServiceTimer(move, index, 'stopGrace', move.now + graceMs);
}
