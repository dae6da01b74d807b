// Rule: the log lines that inputs themselves deserve (SPEC §5, §10): the start
// (or no command), a program that could not start, what the effects noted,
// what a broadcast reached, what --grace killed (at the default level:
// something did not stop), what the init still waits for, and at debug level
// every signal received and every reaped pid with its status. It sees every
// step; its lines come before those of the step's facts.
import { describeExit } from '../../posix/exit-status.js';
import type { SupervisorConfig } from '../config.js';
import { debugLine, isLogged, log, type Action, type NamedProcess } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Step } from '../lifecycle/step.js';

/** "pid 12 (sleep 1000), pid 13 (sh -c ...)" */
function namedList(processes: readonly NamedProcess[]): string {
  return processes.map(({ pid, command }) => `pid ${pid} (${command})`).join(', ');
}

export function describeInput({ input }: Step, config: SupervisorConfig): readonly Action[] {
  switch (input.kind) {
    case 'ready': {
      if (config.services.length > 0) return [];
      const triggers = config.shutdownOnSigint ? 'SIGTERM or SIGINT' : 'SIGTERM';
      return [log('info', `no command: adopting and reaping children until ${triggers}`)];
    }
    case 'spawned': {
      const label = serviceLabel(config, input.service, input.pid);
      return [log('info', label === `the command (pid ${input.pid})` ? `started the command as pid ${input.pid}` : `started ${label}`)];
    }
    case 'spawnFailed':
      return [log('error', `cannot run ${JSON.stringify(config.services[input.service]?.argv[0] ?? '')}: ${input.reason}`, { exitCode: input.status })];
    case 'signal':
      return debugLine(config.logLevel, () => {
        const name = config.signalName(input.signal);
        return log('debug', `received ${name}`, { signal: name });
      });
    case 'reaped':
      return isLogged('debug', config.logLevel)
        ? input.exits.map((exit): Action => log('debug', `reaped pid ${exit.pid}: ${describeExit(exit, config.signalName)}`))
        : [];
    case 'signalled': {
      const name = config.signalName(input.signal);
      return [log('info', `sent ${name} to ${input.count} process${input.count === 1 ? '' : 'es'}`, { signal: name })];
    }
    case 'killed': {
      const seconds = (config.graceMs ?? 0) / 1000;
      if (input.processes.length === 0) return [log('info', `--grace ${seconds} s ran out; nothing was left to kill`)];
      return [log('error', `--grace ${seconds} s ran out; killed ${namedList(input.processes)}`)];
    }
    case 'remaining':
      return input.processes.length === 0 ? [] : [log('info', `still waiting for ${namedList(input.processes)}`)];
    case 'note':
      return [log(input.level, input.message, input.fields)];
    case 'probeStarted':
      return debugLine(config.logLevel, () => log('debug', `probing ${serviceLabel(config, input.service)} (probe pid ${input.pid})`));
    case 'probeFailed':
    case 'hookFailed':
      return [];
    case 'hookStarted':
      return debugLine(config.logLevel, () => log('debug', `running a hook of ${serviceLabel(config, input.service)} (hook pid ${input.pid})`));
    case 'control':
      return debugLine(config.logLevel, () => log('debug', `asked through the control socket: ${input.request.command}${'service' in input.request ? ` ${input.request.service}` : ''}`));
    case 'timer':
      return [];
  }
}
