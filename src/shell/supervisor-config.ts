// The command line's options, resolved into what the pure supervisor needs.
import type { InitOptions } from '../cli/parse.js';
import { forwardedSignals } from '../posix/forwardable.js';
import { isRealtime, signalName, type RealtimeRange } from '../posix/signals.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { LogLevel } from '../streams/events.js';

export function supervisorConfig(
  options: InitOptions,
  command: readonly string[],
  logLevel: LogLevel,
  range: RealtimeRange,
): SupervisorConfig {
  const forwarded = forwardedSignals(options.realtime, range);
  // A realtime parent-death signal (-p) is caught even without -r, so that it is handled as sent.
  const death = options.parentDeathSignal;
  if (death !== undefined && isRealtime(death, range) && !forwarded.includes(death)) forwarded.push(death);
  return {
    hasCommand: command.length > 0,
    signalGroup: options.processGroup,
    waitForChildren: !options.dontWait,
    broadcast: !options.dontBroadcast && !options.dontWait,
    shutdownOnSigint: !options.ignoreSigint,
    forwarded: new Set(forwarded),
    rewrites: new Map(options.rewrites),
    exitCodesToZero: new Set(options.exitCodes),
    delayTermMs: options.delayTermMs,
    warnReaped: options.warnReaped,
    logLevel,
    signalName: (signal) => signalName(signal, range),
  };
}
