// A program's run ends (SPEC §15, §17): reaped, or it could not be started.
// Below the container: the program's own state moves on (a restart after
// Docker's backoff, completed, given up, stopped); what ends the container is
// handed up, for the container to act on.
import type { ChildExit, Outcome } from '../events.js';
import { note, patchService, setServiceTimer, type Move } from './move.js';
import { restartDelay } from './restart-delay.js';
import { isOneShot, verdict } from './restart-policy.js';
import type { RunEnd, ServiceTimer } from './state.js';
import { serviceLabel } from '../label.js';

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
  const ended = { pid: null, since: now, lastExit: end };
  if (move.state.phase === 'shuttingDown' || (before.status === 'stopping' && before.afterStop === 'stay')) {
    patchService(move, index, { ...ended, status: 'stopped' });
    return undefined;
  }
  const failures = outcome.status === 0 ? 0 : before.failures + 1;
  const ranMs = before.status === 'running' || before.status === 'stopping' ? now - before.since : 0;
  switch (verdict(service, outcome.status, failures, isOneShot(config, index), before.status === 'stopping')) {
    case 'restart': {
      const delayMs = restartDelay(before.delayMs, ranMs);
      patchService(move, index, { ...ended, status: 'backingOff', failures, delayMs, restarts: before.restarts + 1 });
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
