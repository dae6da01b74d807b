// One program is stopped (SPEC §15, §17, §18): its pre_stop hooks first
// (hooks.ts), then its stop_signal, SIGKILL when its stop_grace_period runs
// out, and what follows its exit kept with it for endRun (service-moves.ts).
// A file of its own because health, the control command and the shutdown all
// stop a program, and endRun, which follows the stop, ends the program's
// probe (health.ts).
import { startHooks } from './hooks.js';
import { note, patchService, setServiceTimer, type Move } from './move.js';

/** The stop signal now, and its stop_grace_period from now. */
export function signalStop(move: Move, index: number): void {
  note(move, { kind: 'stopService', service: index });
  const graceMs = move.config.services[index]!.stopGraceMs;
  if (graceMs !== undefined) setServiceTimer(move, index, 'stopGrace', move.now + graceMs);
}

/** `afterStop`: restart it once it is gone (under its policy: it turned unhealthy; at once: asked for; once its dependencies are met again), or let it stay stopped. */
export function stopService(move: Move, index: number, afterStop: 'restart' | 'restartNow' | 'restartAfterDependencies' | 'stay'): void {
  patchService(move, index, { status: 'stopping', afterStop });
  if (!startHooks(move, index, 'preStop')) signalStop(move, index);
}
