// What --check says when the options and the services file are as a start
// needs them: one line, for a Dockerfile's build log, naming what would start
// and in which order, so that a file that holds other services than meant
// shows at the build, as `docker compose config` shows a Compose file.
import type { Service } from '../streams/service.js';

export function checkedLine(file: string | undefined, services: readonly Service[], runs: number, command: boolean): string {
  const then = [runs > 0 ? `${runs} --run command${runs === 1 ? '' : 's'}` : undefined, command ? 'the command' : undefined].filter((part) => part !== undefined);
  const after = then.length === 0 ? '' : `, then ${then.join(' and ')}`;
  if (file === undefined) return `--check: the options are valid${after === '' ? '' : `: ${then.join(' and ')} would start`}; nothing started`;
  // None, when every service runs with a profile COMPOSE_PROFILES does not name (services-file/profiles.ts).
  if (services.length === 0) return `--check: ${file} holds no service that would start (their profiles are not active)${after === '' ? '' : `: ${then.join(' and ')} would start`}; nothing started`;
  const count = `${services.length} service${services.length === 1 ? '' : 's'}`;
  return `--check: ${file} holds ${count}, which would start in this order: ${services.map(({ name }) => name).join(', ')}${after}; nothing started`;
}
