// From argv to what the user asked for: run (with typed options and the
// command), check them (--check), help, version, or a usage error. getopt.ts
// does the POSIX split (and refuses what is not an option); here the options
// become typed flags, and values.ts checks their values. Nothing else is
// loaded for it: the command starts as soon after as it can (issue 26).
import { isRealtime, signalName, type RealtimeRange } from '../posix/signals.js';
import { splitArguments, type GivenOption } from './getopt.js';
import { takesValue } from './options.js';
import {
  parseRun,
  parseSeconds,
  parseExitCode,
  parseLogFormat,
  parseParentDeathSignal,
  parseRewrite,
  type Parsed,
} from './values.js';
import type { LogFormat } from '../output/format.js';

export interface InitOptions {
  /** False with -W. */
  readonly waitForChildren: boolean;
  /** False with -B. */
  readonly broadcast: boolean;
  /** False with -I. */
  readonly shutdownOnSigint: boolean;
  /** -g */
  readonly processGroup: boolean;
  readonly realtime: boolean;
  readonly skipPidCheck: boolean;
  /** 0: errors only, 1: info (-v), 2 or more: debug (-vv). */
  readonly verbosity: number;
  /** -p: the signal the kernel sends the init when its parent dies. */
  readonly parentDeathSignal: number | undefined;
  /** -e: exit statuses that become 0. */
  readonly exitCodes: readonly number[];
  /** --rewrite: forwarded signal FROM is sent as TO (0: dropped). */
  readonly rewrites: ReadonlyArray<readonly [number, number]>;
  /** --delay-term, in milliseconds (0: none). */
  readonly delayTermMs: number;
  /** --grace, in milliseconds (undefined: no bound). */
  readonly graceMs: number | undefined;
  /** --run: more commands, each an argv, in the order given. */
  readonly runs: ReadonlyArray<readonly string[]>;
  /** --services: the services file to supervise. */
  readonly servicesFile: string | undefined;
  /** --control: the control socket's path. */
  readonly controlSocket: string | undefined;
  /** -w */
  readonly warnReaped: boolean;
  readonly logFormat: LogFormat;
}

export type Request =
  | { readonly kind: 'supervise'; readonly options: InitOptions; readonly command: readonly string[] }
  | { readonly kind: 'check'; readonly options: InitOptions; readonly command: readonly string[] }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usageError'; readonly message: string; readonly logFormat: LogFormat };

export const DEFAULT_OPTIONS: InitOptions = {
  waitForChildren: true,
  broadcast: true,
  shutdownOnSigint: true,
  processGroup: false,
  realtime: false,
  skipPidCheck: false,
  verbosity: 0,
  parentDeathSignal: undefined,
  exitCodes: [],
  rewrites: [],
  delayTermMs: 0,
  graceMs: undefined,
  runs: [],
  servicesFile: undefined,
  controlSocket: undefined,
  warnReaped: false,
  logFormat: 'text',
};

/**
 * The options as typed flags, by key: an option that takes a value gives the
 * list of its values (every value given is checked; of a single-valued option
 * given twice, the last counts: getopt's rule, and what ENTRYPOINT plus CMD,
 * which often repeat one, expect); a repeatable flag the list of its times
 * (-vv); any other flag true.
 */
function typedFlags(given: readonly GivenOption[]): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  for (const { spec, value } of given) {
    if (takesValue(spec) || spec.repeatable) {
      const list = (flags[spec.key] ??= []) as unknown[];
      list.push(value ?? true);
    } else flags[spec.key] = true;
  }
  return flags;
}

class UsageError extends Error {}

function check<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.value;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function typedOptions(flags: Record<string, unknown>, range: RealtimeRange): InitOptions {
  // Every value given is checked; of a single-valued option given twice, the last one counts.
  const last = <T>(key: string, parse: (text: string) => Parsed<T>): T | undefined => strings(flags[key]).map((text) => check(parse(text))).at(-1);
  const realtime = flags['realtime'] === true;
  const parentDeathSignal = last('parentDeathSignal', (text) => parseParentDeathSignal(text, range));
  const rewrites = strings(flags['rewrite']).map((text) => {
    const rewrite = check(parseRewrite(text, range));
    // Without -r no realtime signal is caught (but a realtime -p signal), so such a rewrite could never apply.
    const [from] = rewrite;
    if (isRealtime(from, range) && !realtime && from !== parentDeathSignal) {
      throw new UsageError(`--rewrite ${JSON.stringify(text)}: ${signalName(from, range)} is caught only with -r`);
    }
    return rewrite;
  });
  return {
    waitForChildren: flags['dontWait'] !== true,
    broadcast: flags['dontBroadcast'] !== true,
    shutdownOnSigint: flags['ignoreSigint'] !== true,
    processGroup: flags['processGroup'] === true,
    realtime,
    skipPidCheck: flags['skipPidCheck'] === true,
    verbosity: Array.isArray(flags['verbose']) ? flags['verbose'].filter((given) => given === true).length : 0,
    parentDeathSignal,
    exitCodes: strings(flags['exitCodes']).map((text) => check(parseExitCode(text))),
    rewrites,
    delayTermMs: last('delayTerm', (text) => parseSeconds('--delay-term', text)) ?? 0,
    graceMs: last('grace', (text) => parseSeconds('--grace', text)),
    runs: strings(flags['run']).map((text) => check(parseRun(text))),
    servicesFile: last('services', (text) => ({ ok: true, value: text })),
    controlSocket: last('control', (text) => ({ ok: true, value: text })),
    warnReaped: flags['warnReaped'] === true,
    logFormat: last('logFormat', parseLogFormat) ?? 'text',
  };
}

/** The log format asked for, looked up on its own so that even a usage error can be printed in it. */
function requestedLogFormat(argv: readonly string[]): LogFormat {
  let format: LogFormat = 'text';
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const value = argv[i] === '--log-format' ? argv[i + 1] : argv[i]!.startsWith('--log-format=') ? argv[i]!.slice(13) : undefined;
    if (value === 'json' || value === 'text') format = value;
  }
  return format;
}

export function parseArguments(argv: readonly string[], range: RealtimeRange): Request {
  const split = splitArguments(argv);
  if (!split.ok) return { kind: 'usageError', message: split.error, logFormat: requestedLogFormat(argv) };
  if (split.options.length === 0) return { kind: 'supervise', options: DEFAULT_OPTIONS, command: split.command };

  const flags = typedFlags(split.options);
  if (flags['help'] === true) return { kind: 'help' };
  if (flags['version'] === true) return { kind: 'version' };
  try {
    return { kind: flags['check'] === true ? 'check' : 'supervise', options: typedOptions(flags, range), command: split.command };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { kind: 'usageError', message: error.message, logFormat: requestedLogFormat(argv) };
  }
}
