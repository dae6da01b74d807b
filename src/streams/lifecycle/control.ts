// A request of the control command (SPEC §19), acted on in the supervision
// tree: `restart`, `stop` and `start` of one service of the file, `ps` and
// `health` answered from the state. A restart asked for is at once, without
// Docker's backoff and without counting as a failure; a service stopped this
// way ends nothing.
import type { ControlReply, ControlRequest, ServiceReport, ShownState } from '../control.js';
import { note, patchService, type Move } from './move.js';
import { cancelServiceTimers } from './service-moves.js';
import { stopService } from './stop-service.js';
import type { Lifecycle, ServiceState } from './state.js';
import type { SupervisorConfig } from '../config.js';

function shown(service: ServiceState): ShownState {
  switch (service.status) {
    case 'waiting':
    case 'starting':
      return 'starting';
    case 'running':
      return service.health === undefined ? 'running' : service.health.status === 'starting' ? 'starting' : service.health.status;
    case 'stopping':
      return 'stopping';
    case 'backingOff':
      return 'backing off';
    case 'completed':
      return 'completed';
    case 'gaveUp':
      return 'given up';
    case 'stopped':
    case 'exited':
      return 'stopped';
  }
}

/** What `ps` reports of every program, at `now`. */
export function report(state: Lifecycle, config: SupervisorConfig, now: number): ServiceReport[] {
  return state.services.map((service, index) => ({
    name: config.services[index]!.name,
    kind: config.services[index]!.role === 'service' ? 'service' : 'command',
    state: shown(service),
    pid: service.status === 'running' || service.status === 'stopping' ? service.pid : null,
    restarts: service.restarts,
    uptimeMs: service.status === 'running' || service.status === 'stopping' ? now - service.since : null,
    lastExit: service.lastExit?.status ?? null,
  }));
}

/** Healthy for `health`: every program with a health check is healthy, and every other one runs (or completed, a one-shot). */
export function allHealthy(state: Lifecycle, config: SupervisorConfig): boolean {
  return state.services.every((service, index) => {
    if (config.services[index]!.healthcheck !== undefined) return service.status === 'running' && service.health?.status === 'healthy';
    return service.status === 'running' || service.status === 'completed';
  });
}

type Acted = { message: string } | { error: string };

/** Acts on `request`: on the service it names, or on every copy of one with scale; the words of the answer, or why it cannot be done. */
function act(move: Move, request: Extract<ControlRequest, { service: string }>): Acted {
  const services = move.config.services;
  const named = services.findIndex((service) => service.role === 'service' && service.name === request.service);
  const indices = named !== -1 ? [named] : [...services.keys()].filter((index) => services[index]!.replicaOf === request.service);
  if (indices.length === 0) return { error: `no service ${JSON.stringify(request.service)} (the services: ${services.filter((s) => s.role === 'service').map((s) => s.name).join(', ') || 'none'})` };
  if (move.state.phase !== 'running') return { error: 'the container is shutting down' };
  const done = indices.map((index) => actOn(move, request.command, index));
  const restarted = indices.filter((_, i) => !('error' in done[i]!));
  if (request.command === 'restart' && restarted.length > 0) done.push(...restartDependents(move, restarted));
  const errors = done.flatMap((one) => ('error' in one ? [one.error] : []));
  // Every copy was acted on as it could be; an error only when none could.
  return errors.length === done.length ? { error: errors.join('; ') } : { message: done.map((one) => ('error' in one ? one.error : one.message)).join('; ') };
}

/**
 * Compose's `depends_on: {NAME: {restart: true}}`: a program that runs and has
 * it on one of `restarted` is stopped too, and starts again once its
 * dependencies are met again: after the restarted one has started (or become
 * healthy, or completed) anew. Not further: its own dependents run on.
 */
function restartDependents(move: Move, restarted: readonly number[]): Acted[] {
  // The restarted ones meet service_started again only once they have started anew.
  for (const index of restarted) patchService(move, index, { started: false });
  const done: Acted[] = [];
  for (const [index, service] of move.config.services.entries()) {
    if (restarted.includes(index) || !service.dependsOn.some((dependency) => dependency.restart === true && restarted.includes(dependency.service))) continue;
    if (move.state.services[index]!.status !== 'running') continue;
    stopService(move, index, 'restartAfterDependencies');
    done.push({ message: `restarting service ${service.name} after it (depends_on restart: true)` });
  }
  return done;
}

function actOn(move: Move, command: Extract<ControlRequest, { service: string }>['command'], index: number): Acted {
  const request = { command, service: move.config.services[index]!.name };
  const service = move.state.services[index]!;
  const startNow = (): void => {
    cancelServiceTimers(move, index);
    patchService(move, index, { status: 'starting', since: move.now, afterStop: undefined });
    note(move, { kind: 'start', service: index });
  };
  switch (request.command) {
    case 'stop':
      if (service.status === 'running') {
        stopService(move, index, 'stay');
        return { message: `stopping service ${request.service}` };
      }
      if (service.status === 'backingOff' || service.status === 'waiting') {
        cancelServiceTimers(move, index);
        patchService(move, index, { status: 'stopped', since: move.now });
        return { message: `service ${request.service} is stopped` };
      }
      return { error: `service ${request.service} is ${shown(service)} already` };
    case 'restart':
      if (service.status === 'running') {
        stopService(move, index, 'restartNow');
        return { message: `restarting service ${request.service}` };
      }
      if (service.status === 'waiting' || service.status === 'starting' || service.status === 'stopping') {
        return { error: `service ${request.service} is ${shown(service)}: ask again once it runs or has stopped` };
      }
      startNow();
      return { message: `starting service ${request.service}` };
    case 'start':
      if (service.status === 'running' || service.status === 'starting' || service.status === 'stopping' || service.status === 'waiting') {
        return { error: `service ${request.service} is ${shown(service)} already` };
      }
      startNow();
      return { message: `starting service ${request.service}` };
  }
}

/** The answer to `request`, acting on it first. */
export function onControl(move: Move, request: ControlRequest): ControlReply {
  const done = 'service' in request ? act(move, request) : { message: undefined };
  if ('error' in done) return { ok: false, error: done.error };
  const answer: ControlReply = { ok: true, services: report(move.state, move.config, move.now), healthy: allHealthy(move.state, move.config) };
  return done.message === undefined ? answer : { ...answer, message: done.message };
}
