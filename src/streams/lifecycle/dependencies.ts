// Start order (SPEC §17, §18): a program waiting for its dependencies starts
// once each is met, in the configuration's order; one whose dependency can no
// longer be met (it was to become healthy, and exited or turned unhealthy
// first) ends the container, in a line that names both.
import type { Outcome } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Condition } from '../service.js';
import { note, patchService, type Move } from './move.js';
import type { ServiceState } from './state.js';

function isMet(dependency: ServiceState, condition: Condition, hasCheck: boolean): boolean {
  switch (condition) {
    case 'service_started':
      return dependency.started;
    case 'service_healthy':
      return hasCheck ? dependency.health?.passed === true : dependency.started;
    case 'service_completed_successfully':
      return dependency.status === 'completed';
  }
}

/** Why a dependency that was to become healthy never will, or undefined while it still may. */
function neverHealthy(dependency: ServiceState): string | undefined {
  if (dependency.health?.passed) return undefined;
  if (dependency.health?.status === 'unhealthy') return 'turned unhealthy first';
  const gone = dependency.status !== 'waiting' && dependency.status !== 'starting' && dependency.status !== 'running';
  return gone && dependency.lastExit ? `${dependency.lastExit.how} first` : undefined;
}

/** Starts every waiting program whose dependencies are met; returns what ends the container when one can no longer be met. */
export function startWaiting(move: Move): Outcome | undefined {
  if (move.state.phase !== 'running') return undefined;
  const { config } = move;
  for (const [index, service] of move.state.services.entries()) {
    if (service.status !== 'waiting') continue;
    const dependsOn = config.services[index]!.dependsOn;
    for (const { service: other, condition } of dependsOn) {
      const dependency = move.state.services[other]!;
      const why = condition === 'service_healthy' && config.services[other]!.healthcheck !== undefined ? neverHealthy(dependency) : undefined;
      if (why === undefined) continue;
      const status = dependency.lastExit?.status ?? 1;
      return { status: status === 0 ? 1 : status, reason: `${serviceLabel(config, index)} waited for ${serviceLabel(config, other)} to become healthy, but it ${why}` };
    }
    const met = dependsOn.every(({ service: other, condition }) => isMet(move.state.services[other]!, condition, config.services[other]!.healthcheck !== undefined));
    if (!met) continue;
    patchService(move, index, { status: 'starting', since: move.now });
    note(move, { kind: 'start', service: index });
  }
  return undefined;
}
