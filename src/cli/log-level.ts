import type { LogLevel } from '../streams/events.js';
import type { InitOptions } from './parse.js';

/** The one place the log level is decided: -v info, -vv debug; otherwise errors only, and warnings too with -w (which asks for them). */
export function logLevelFor(options: Pick<InitOptions, 'verbosity' | 'warnReaped'>): LogLevel {
  if (options.verbosity >= 2) return 'debug';
  if (options.verbosity === 1) return 'info';
  return options.warnReaped ? 'warn' : 'error';
}
