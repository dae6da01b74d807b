// Signal numbers and names. Standard signals come from Node's table for this
// platform; realtime signals have no names there, so they are named from the
// C library's SIGRTMIN..SIGRTMAX range the way `kill -l` names them.
import { platformConstants } from './platform-constants.js';

export interface RealtimeRange {
  readonly min: number;
  readonly max: number;
}

const standard = platformConstants.signals;

// Made when a signal is first named, not as the module loads: walking Node's
// table took 0.05-0.08 ms, before the command could start.
let standardNames: Map<number, string> | undefined;

function nameOf(signal: number): string | undefined {
  if (standardNames === undefined) {
    standardNames = new Map<number, string>();
    for (const [name, number] of Object.entries(standard)) {
      // Aliases (SIGIOT, SIGPOLL) come after the canonical name in Node's table; keep the first.
      if (!standardNames.has(number)) standardNames.set(number, name);
    }
  }
  return standardNames.get(signal);
}

export function isRealtime(signal: number, range: RealtimeRange): boolean {
  return signal >= range.min && signal <= range.max;
}

/** SIGTERM, SIGRTMIN+3, SIGRTMAX-1; a number with no name is shown as "signal N". */
export function signalName(signal: number, range: RealtimeRange): string {
  const name = nameOf(signal);
  if (name !== undefined) return name;
  if (isRealtime(signal, range)) {
    const middle = range.min + Math.floor((range.max - range.min) / 2);
    if (signal === range.min) return 'SIGRTMIN';
    if (signal === range.max) return 'SIGRTMAX';
    return signal <= middle ? `SIGRTMIN+${signal - range.min}` : `SIGRTMAX-${range.max - signal}`;
  }
  return `signal ${signal}`;
}

// The numbers the init's code names, from the platform's table (not written by hand).
export const SIGINT = standard['SIGINT']!;
export const SIGUSR1 = standard['SIGUSR1']!;
export const SIGPIPE = standard['SIGPIPE']!;
export const SIGTERM = standard['SIGTERM']!;
export const SIGCHLD = standard['SIGCHLD']!;
export const SIGKILL = standard['SIGKILL']!;
export const SIGXFSZ = standard['SIGXFSZ']!;
export const SIGTTIN = standard['SIGTTIN']!;
export const SIGTTOU = standard['SIGTTOU']!;
export const SIGQUIT = standard['SIGQUIT']!;

/**
 * A signal from the command line: a name with or without SIG, in any case
 * (TERM, SIGterm), RTMIN+n / RTMAX-n, or a number. Undefined when it names none.
 */
export function parseSignal(text: string, range: RealtimeRange): number | undefined {
  if (/^\d+$/.test(text)) {
    const number = Number(text);
    return number >= 1 && number <= range.max ? number : undefined;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  const realtime = /^RT(MIN|MAX)([+-]\d+)?$/.exec(name);
  if (realtime) {
    const base = realtime[1] === 'MIN' ? range.min : range.max;
    const number = base + Number(realtime[2] ?? 0);
    return isRealtime(number, range) ? number : undefined;
  }
  return standard[`SIG${name}`];
}
