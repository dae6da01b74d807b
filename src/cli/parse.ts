// From argv to what the user asked for: run (with typed options and the
// command), help, version, or a usage error. getopt.ts does the POSIX split;
// meow turns the init's own options into typed flags.
import { PROGRAM } from '../log/format.js';
import { splitArguments } from './getopt.js';
import { loadMeow } from './meow.cjs';
import { OPTIONS, spelling, takesValue, type OptionSpec } from './options.js';

export interface InitOptions {
  readonly dontWait: boolean;
  readonly dontBroadcast: boolean;
  readonly ignoreSigint: boolean;
  readonly processGroup: boolean;
  readonly realtime: boolean;
  readonly skipPidCheck: boolean;
  /** 0: errors only, 1: info (-v), 2 or more: debug (-vv). */
  readonly verbosity: number;
}

export type Request =
  | { readonly kind: 'run'; readonly options: InitOptions; readonly command: readonly string[] }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'usageError'; readonly message: string };

interface MeowFlag {
  type: 'boolean' | 'string';
  shortFlag?: string;
  isMultiple?: boolean;
}

function meowFlags(): Record<string, MeowFlag> {
  const flags: Record<string, MeowFlag> = {};
  for (const spec of OPTIONS) {
    const flag: MeowFlag = { type: takesValue(spec) ? 'string' : 'boolean' };
    if (spec.short !== undefined) flag.shortFlag = spec.short;
    if (spec.repeatable) flag.isMultiple = true;
    flags[spec.key] = flag;
  }
  return flags;
}

/**
 * One unambiguous spelling per option for meow: the short flag alone, or
 * `--key=value`, which keeps a value that starts with '-' a value.
 */
function canonical(spec: OptionSpec, value: string | undefined): string {
  if (value === undefined) return spelling(spec);
  const long = spec.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `--${long}=${value}`;
}

const DEFAULTS: InitOptions = {
  dontWait: false,
  dontBroadcast: false,
  ignoreSigint: false,
  processGroup: false,
  realtime: false,
  skipPidCheck: false,
  verbosity: 0,
};

export function parseArguments(argv: readonly string[], version: string): Request {
  const split = splitArguments(argv);
  if (!split.ok) return { kind: 'usageError', message: split.error };
  if (split.options.length === 0) return { kind: 'run', options: DEFAULTS, command: split.command };

  const meow = loadMeow();
  const cli = meow({
    // Only import.meta.url is read (meow insists on it); the bundle defines it.
    importMeta: { url: import.meta.url } as ImportMeta,
    argv: split.options.map(({ spec, value }) => canonical(spec, value)),
    pkg: { name: PROGRAM, version },
    description: false,
    autoHelp: false,
    autoVersion: false,
    allowUnknownFlags: false,
    flags: meowFlags() as never,
  });
  const flags = cli.flags as Record<string, unknown>;
  if (flags['help'] === true) return { kind: 'help' };
  if (flags['version'] === true) return { kind: 'version' };

  const options: InitOptions = {
    dontWait: flags['dontWait'] === true,
    dontBroadcast: flags['dontBroadcast'] === true,
    ignoreSigint: flags['ignoreSigint'] === true,
    processGroup: flags['processGroup'] === true,
    realtime: flags['realtime'] === true,
    skipPidCheck: flags['skipPidCheck'] === true,
    // meow gives a repeatable boolean that was not set as [false].
    verbosity: Array.isArray(flags['verbose']) ? flags['verbose'].filter((given) => given === true).length : 0,
  };
  return { kind: 'run', options, command: split.command };
}
