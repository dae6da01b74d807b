// Docker's restart, inside one container (SPEC §17): what the end of a run
// means under the program's restart policy, and how long the restart waits.
// The policies mean what they mean to Docker: restart it, it completed (a
// one-shot's exit 0 ends nothing), it ends the container, or it gave up
// (on-failure:N ran out). The backoff is Docker's restart manager's: the first
// restart waits 100 ms, each one after twice as long as the one before, up to
// a minute; a run that lasted 10 s or more starts the delay over.
import type { SupervisorConfig } from '../config.js';
import type { Service } from '../service.js';

export type Verdict = 'restart' | 'completed' | 'end' | 'gaveUp';

/** A program others wait for with service_completed_successfully: a migration, a set-up step. */
export function isOneShot(config: Pick<SupervisorConfig, 'services'>, index: number): boolean {
  return config.services.some((service) => service.dependsOn.some((dependency) => dependency.service === index && dependency.condition === 'service_completed_successfully'));
}

/**
 * `failures`: the runs in a row that failed, this one included. `stoppedToRestart`:
 * the init stopped it in order to restart it (it turned unhealthy).
 */
export function verdict(service: Service, status: number, failures: number, oneShot: boolean, stoppedToRestart: boolean): Verdict {
  const { restart } = service;
  const outOfRetries = restart.kind === 'on-failure' && restart.maxRetries !== undefined && failures > restart.maxRetries;
  if (stoppedToRestart) return outOfRetries ? 'gaveUp' : 'restart';
  switch (restart.kind) {
    case 'always':
      return 'restart';
    case 'on-failure':
      if (status === 0) return oneShot ? 'completed' : 'end';
      return outOfRetries ? 'gaveUp' : 'restart';
    case 'no':
      return status === 0 && oneShot ? 'completed' : 'end';
  }
}

export const FIRST_DELAY_MS = 100;
export const MAX_DELAY_MS = 60_000;
export const RESET_AFTER_MS = 10_000;

/** The delay before the next start, after a run of `ranMs` whose restart (if any) waited `previousMs`. */
export function restartDelay(previousMs: number, ranMs: number): number {
  if (previousMs === 0 || ranMs >= RESET_AFTER_MS) return FIRST_DELAY_MS;
  return Math.min(previousMs * 2, MAX_DELAY_MS);
}
