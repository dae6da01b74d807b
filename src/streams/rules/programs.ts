// Rules for the programs (SPEC §3.1, §8, §15, §17): a start, an exit's line
// when there are several, a restart's announcement, a service's stop signal
// and its SIGKILL after its stop_grace_period, and -w's line for an orphan.
import { describeExit } from '../../posix/exit-status.js';
import { SIGKILL } from '../../posix/signals.js';
import { log } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Rule } from '../lifecycle/step.js';

export const startService: Rule<'start'> = ({ service }, _step, config) => [{ type: 'spawn', service, processGroup: config.processGroup }];

/** With one command, the line that starts the shutdown says it all. */
export const announceExit: Rule<'exited'> = ({ service, exit }, _step, config) =>
  config.services.length <= 1 ? [] : [log('info', `${serviceLabel(config, service, exit.pid)} ${describeExit(exit, config.signalName)}`)];

export const announceRestart: Rule<'restarting'> = ({ service, delayMs, restarts }, { after }, config) => {
  const how = after.services[service]!.lastExit?.how ?? 'ended';
  return [log('info', `restarting ${serviceLabel(config, service)} in ${delayMs / 1000} s (restart ${restarts}; it ${how})`)];
};

export const stopService: Rule<'stopService'> = ({ service }, { after }, config) => {
  const pid = after.services[service]!.pid!;
  const signal = config.services[service]!.stopSignal;
  const name = config.signalName(signal);
  const target = config.processGroup ? -pid : pid;
  return [log('info', `stopping ${serviceLabel(config, service, pid)} with ${name}`, { signal: name, target }), { type: 'forward', signal, target }];
};

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

export const warnReaped: Rule<'orphan'> = ({ exit }, _step, config) =>
  config.warnReaped ? [log('warn', `reaped zombie pid ${exit.pid}: ${describeExit(exit, config.signalName)}`)] : [];
