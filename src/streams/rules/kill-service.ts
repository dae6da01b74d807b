// Rule: a service outlived its stop_grace_period (SPEC §17): SIGKILL, to its
// process group with -g, named in one line at the default level (something
// did not stop).
import { SIGKILL } from '../../posix/signals.js';
import { log } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Rule } from '../lifecycle/step.js';

export const killService: Rule<'killService'> = ({ service }, { after }, config) => {
  const pid = after.services[service]!.pid!;
  const target = config.processGroup ? -pid : pid;
  const seconds = (config.services[service]!.stopGraceMs ?? 0) / 1000;
  const name = config.signalName(SIGKILL);
  return [
    log('error', `${serviceLabel(config, service, pid)} did not stop within its stop_grace_period of ${seconds} s: sending ${name}`, { signal: name, target }),
    { type: 'forward', signal: SIGKILL, target },
  ];
};
