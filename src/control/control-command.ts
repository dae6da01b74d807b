// The control command as a whole (SPEC §19): ask, print the answer, and exit
// with a status a Dockerfile HEALTHCHECK or a Kubernetes exec probe can use:
// 0 when done (for `health`: every service healthy or running), 1 when not or
// when the init could not be asked, 2 for a usage error.
import type { ServiceReport } from '../streams/control.js';
import { askInit } from './ask-init.js';
import { controlArguments } from './control-arguments.js';
import { psTable } from './ps-table.js';

export interface ControlOutput {
  out(text: string): void;
  error(message: string): void;
}

function unwell(services: readonly ServiceReport[]): string {
  return services
    .filter((s) => !['healthy', 'running', 'completed'].includes(s.state))
    .map((s) => `${s.name} (${s.state})`)
    .join(', ');
}

/** The exit status. */
export async function controlCommand(argv: readonly string[], output: ControlOutput): Promise<number> {
  const parsed = controlArguments(argv);
  if (!parsed.ok) {
    output.error(`${parsed.error} (see -h)`);
    return 2;
  }
  const asked = await askInit(parsed.socket, parsed.request);
  if ('error' in asked) {
    output.error(asked.error);
    return 1;
  }
  const { reply } = asked;
  if (!reply.ok) {
    output.error(reply.error);
    return 1;
  }
  switch (parsed.request.command) {
    case 'ps':
      output.out(parsed.json ? `${JSON.stringify(reply.services)}\n` : psTable(reply.services));
      return 0;
    case 'health':
      output.out(reply.healthy ? 'healthy\n' : `not healthy: ${unwell(reply.services)}\n`);
      return reply.healthy ? 0 : 1;
    default:
      output.out(`${reply.message ?? 'done'}\n`);
      return 0;
  }
}
