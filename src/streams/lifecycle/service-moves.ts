// One program's own moves, below the container (SPEC §15, §17, §18): its run
// ends (reaped, or it could not be started) and its state moves on under its
// restart policy (a restart after Docker's backoff, completed, given up,
// stopped), what ends the container handed up for the container to act on.
// Its stop is stop-service.ts.
import type { ChildExit, Outcome } from '../events.js';
import { serviceLabel } from '../label.js';
import { note, patchService, setServiceTimer, type Move } from './move.js';
import { abandonProbe } from './health.js';
import { abandonHooks } from './hooks.js';
import { isOneShot, restartDelay, verdict } from './restart.js';
import type { RunEnd, ServiceTimer } from './state.js';

const SERVICE_TIMERS: readonly ServiceTimer[] = ['restart', 'stopGrace', 'probe', 'probeTimeout'];

/** Cancels every timer of program `index`. */
export function cancelServiceTimers(move: Move, index: number): void {
  for (const name of SERVICE_TIMERS) setServiceTimer(move, index, name, undefined);
}

/**
 * Program `index` ended (`exit` when it was reaped, none when it could not be
 * started). Returns the outcome that ends the container, if it does.
 */
export function endRun(move: Move, index: number, end: RunEnd, exit?: ChildExit): Outcome | undefined {
  const { now, config } = move;
  const before = move.state.services[index]!;
  const service = config.services[index]!;
  const outcome = { status: end.status, reason: `${serviceLabel(config, index, exit?.pid)} ${end.how}` };
  cancelServiceTimers(move, index);
  if (exit) note(move, { kind: 'exited', service: index, exit });
  abandonProbe(move, index);
  abandonHooks(move, index);
  const ended = { pid: null, since: now, lastExit: end };
  if (move.state.phase === 'shuttingDown' || (before.status === 'stopping' && before.afterStop === 'stay')) {
    patchService(move, index, { ...ended, status: 'stopped', afterStop: undefined });
    return undefined;
  }
  if (before.status === 'stopping' && before.afterStop === 'restartAfterDependencies') {
    // Its dependency was restarted: it waits for that one as at the container's start (dependencies.ts).
    patchService(move, index, { ...ended, status: 'waiting', afterStop: undefined, restarts: before.restarts + 1 });
    return undefined;
  }
  if (before.status === 'stopping' && before.afterStop === 'restartNow') {
    // Asked for (the control command): at once, and no failure.
    patchService(move, index, { ...ended, status: 'starting', afterStop: undefined, restarts: before.restarts + 1 });
    note(move, { kind: 'start', service: index });
    return undefined;
  }
  const failures = outcome.status === 0 ? 0 : before.failures + 1;
  const ranMs = before.status === 'running' || before.status === 'stopping' ? now - before.since : 0;
  switch (verdict(service, outcome.status, failures, isOneShot(config, index), before.status === 'stopping')) {
    case 'restart': {
      const delayMs = restartDelay(before.delayMs, ranMs);
      patchService(move, index, { ...ended, status: 'backingOff', failures, delayMs, restarts: before.restarts + 1, afterStop: undefined });
      setServiceTimer(move, index, 'restart', now + delayMs);
      note(move, { kind: 'restarting', service: index, delayMs, restarts: before.restarts + 1 });
      return undefined;
    }
    case 'completed':
      patchService(move, index, { ...ended, status: 'completed', failures });
      return undefined;
    case 'gaveUp': {
      patchService(move, index, { ...ended, status: 'gaveUp', failures });
      const restarts = `${before.restarts} restart${before.restarts === 1 ? '' : 's'}`;
      return { status: outcome.status, reason: `${outcome.reason}, and gave up after ${restarts} (restart: on-failure:${service.restart.kind === 'on-failure' ? service.restart.maxRetries : ''})` };
    }
    case 'end':
      patchService(move, index, { ...ended, status: 'exited', failures });
      return outcome;
  }
}
