// Rules for health checks (SPEC §18): run a probe; kill one that outlived its
// timeout or its program's run (its whole process group); say each change of
// health at info level, with the last probe's output on one line.
import { SIGKILL } from '../../posix/signals.js';
import { debugLine, log } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Rule } from '../lifecycle/step.js';

export const runProbe: Rule<'probe'> = ({ service }) => [{ type: 'probe', service }];

export const killProbe: Rule<'killProbe'> = ({ service, pid }, _step, config) => [
  ...debugLine(config.logLevel, () => log('debug', `killing the health probe of ${serviceLabel(config, service)} (pid ${pid})`, { signal: 'SIGKILL', target: -pid })),
  { type: 'forward', signal: SIGKILL, target: -pid },
];

export const announceHealth: Rule<'health'> = ({ service }, { after }, config) => {
  const state = after.services[service]!;
  const health = state.health!;
  const label = serviceLabel(config, service, state.pid ?? undefined);
  const output = health.output === '' ? '(no output)' : health.output;
  if (health.status === 'healthy') return [log('info', `${label} is healthy: ${output}`)];
  return [log('info', `${label} is unhealthy after ${health.failures} failed probe${health.failures === 1 ? '' : 's'} in a row: ${output}`)];
};
