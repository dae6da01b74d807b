// The command line's options and the programs to supervise, resolved into
// what the pure supervisor needs.
import { isRealtime, signalName, type RealtimeRange } from '../posix/signals.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { LogLevel } from '../streams/events.js';
import { forwardedSignals } from '../streams/forwarded-signals.js';
import type { Service } from '../streams/service.js';
import type { InitOptions } from './parse.js';

export function supervisorConfig(options: InitOptions, services: readonly Service[], logLevel: LogLevel, range: RealtimeRange): SupervisorConfig {
  const forwarded = forwardedSignals(options.realtime, range);
  // A realtime parent-death signal (-p) is caught even without -r, so that it is handled as sent.
  const death = options.parentDeathSignal;
  if (death !== undefined && isRealtime(death, range) && !forwarded.includes(death)) forwarded.push(death);
  return {
    services,
    processGroup: options.processGroup,
    waitForChildren: options.waitForChildren,
    // -W implies -B.
    broadcast: options.broadcast && options.waitForChildren,
    shutdownOnSigint: options.shutdownOnSigint,
    forwarded: new Set(forwarded),
    rewrites: new Map(options.rewrites),
    exitCodesToZero: new Set(options.exitCodes),
    delayTermMs: options.delayTermMs,
    graceMs: options.graceMs,
    warnReaped: options.warnReaped,
    logLevel,
    signalName: (signal) => signalName(signal, range),
  };
}
