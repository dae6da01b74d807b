// Rule: one of the file's services is stopped (SPEC §17): its stop_signal, to
// its process group with -g.
import { log } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Rule } from '../lifecycle/step.js';

export const stopService: Rule<'stopService'> = ({ service }, { after }, config) => {
  const pid = after.services[service]!.pid!;
  const signal = config.services[service]!.stopSignal;
  const name = config.signalName(signal);
  const target = config.processGroup ? -pid : pid;
  return [log('info', `stopping ${serviceLabel(config, service, pid)} with ${name}`, { signal: name, target }), { type: 'forward', signal, target }];
};
