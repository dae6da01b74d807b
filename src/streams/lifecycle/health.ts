// A program's health check (SPEC §18), with Compose's meaning: the first probe
// `interval` after the start (`start_interval` while `start_period` lasts),
// the next one that long after each result; a probe that exits 0 passes; one
// that exits otherwise, could not start, or outlived `timeout` (then killed,
// with its process group) fails; failures during `start_period` do not count
// until the first pass; `retries` failures in a row make it unhealthy. Beyond
// Compose: an unhealthy program with a restart policy is stopped (its stop
// signal and grace) and restarted under that policy; with restart "no" it
// ends the container. A probe whose program's run has ended is killed, and its
// result does not count.
import type { Outcome } from '../events.js';
import { serviceLabel } from '../label.js';
import { note, patchService, setServiceTimer, type Move } from './move.js';
import { stopService } from './stop-service.js';
import { oneLine } from '../one-line.js';
import type { Health } from './state.js';

/** How long until the next probe of program `index`: start_interval while its start_period lasts and it never passed. */
function nextProbeIn(move: Move, index: number): number {
  const check = move.config.services[index]!.healthcheck!;
  const service = move.state.services[index]!;
  const starting = !service.health?.passed && move.now - service.since < check.startPeriodMs;
  return starting ? check.startIntervalMs : check.intervalMs;
}

/** A run of program `index` began: its health is "starting", and the first probe is due. */
export function startHealth(move: Move, index: number): void {
  if (move.config.services[index]!.healthcheck === undefined) return;
  patchService(move, index, { health: { status: 'starting', failures: 0, passed: false, output: '' } });
  setServiceTimer(move, index, 'probe', move.now + nextProbeIn(move, index));
}

/** The probe timer fired: run the probe, unless the last one is still there (then wait one more interval). */
export function runProbe(move: Move, index: number): void {
  const service = move.state.services[index]!;
  if (service.status !== 'running' || service.health === undefined) return;
  if (service.probe) return setServiceTimer(move, index, 'probe', move.now + nextProbeIn(move, index));
  patchService(move, index, { probe: { pid: null, since: move.now, timedOut: false, counts: true } });
  setServiceTimer(move, index, 'probeTimeout', move.now + move.config.services[index]!.healthcheck!.timeoutMs);
  note(move, { kind: 'probe', service: index });
}

export function probeStarted(move: Move, index: number, pid: number): void {
  const probe = move.state.services[index]!.probe;
  if (probe) patchService(move, index, { probe: { ...probe, pid } });
}

/** The probe outlived its timeout: it is killed, and counts as failed once it is reaped. */
export function timeOutProbe(move: Move, index: number): void {
  const probe = move.state.services[index]!.probe;
  if (!probe || probe.pid === null) return;
  patchService(move, index, { probe: { ...probe, timedOut: true } });
  note(move, { kind: 'killProbe', service: index, pid: probe.pid });
}

/** The program's run ended: its probe (if one runs) is killed and no longer counts, and its health is gone. */
export function abandonProbe(move: Move, index: number): void {
  const { probe } = move.state.services[index]!;
  patchService(move, index, { health: undefined });
  if (!probe) return;
  if (probe.pid === null) {
    patchService(move, index, { probe: undefined });
    return;
  }
  patchService(move, index, { probe: { ...probe, counts: false } });
  if (!probe.timedOut) note(move, { kind: 'killProbe', service: index, pid: probe.pid });
}

/**
 * The probe ended (reaped with `code` and `output`, or it could not start:
 * `code` null). Returns what ends the container, if its health does.
 */
export function probeEnded(move: Move, index: number, code: number | null, output: string): Outcome | undefined {
  const service = move.state.services[index]!;
  const probe = service.probe;
  const check = move.config.services[index]!.healthcheck!;
  patchService(move, index, { probe: undefined });
  setServiceTimer(move, index, 'probeTimeout', undefined);
  if (!probe?.counts || service.health === undefined || service.status !== 'running' || move.state.phase !== 'running') return undefined;
  const said = probe.timedOut ? `the probe timed out after ${check.timeoutMs / 1000} s` : oneLine(output);
  const before = service.health;
  let health: Health;
  if (code === 0 && !probe.timedOut) {
    health = { status: 'healthy', failures: 0, passed: true, output: said };
  } else if (!before.passed && move.now - service.since < check.startPeriodMs) {
    health = { ...before, output: said }; // start_period: failures do not count yet
  } else {
    const failures = before.failures + 1;
    health = { ...before, failures, status: failures >= check.retries ? 'unhealthy' : before.status, output: said };
  }
  patchService(move, index, { health });
  setServiceTimer(move, index, 'probe', move.now + nextProbeIn(move, index));
  if (health.status === before.status) return undefined;
  note(move, { kind: 'health', service: index });
  if (health.status !== 'unhealthy') return undefined;
  if (move.config.services[index]!.restart.kind !== 'no') {
    stopService(move, index, 'restart');
    return undefined;
  }
  return { status: 1, reason: `${serviceLabel(move.config, index, service.pid ?? undefined)} became unhealthy (${said})` };
}
