// The values of the extended options (SPEC §8), checked. Each parser returns
// the value or an error message naming the problem (the caller adds "(see -h)").
import { isRealtime, parseSignal, signalName, type RealtimeRange } from '../posix/signals.js';
import { STANDARD_FORWARDED } from '../streams/forwarded-signals.js';
import type { LogFormat } from '../output/format.js';

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

export function parseExitCode(text: string): Parsed<number> {
  const code = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return code >= 0 && code <= 255 ? ok(code) : fail(`invalid exit code for -e: ${JSON.stringify(text)} (0..255)`);
}

export function parseParentDeathSignal(text: string, range: RealtimeRange): Parsed<number> {
  const signal = parseSignal(text, range);
  return signal === undefined ? fail(`unknown signal for -p: ${JSON.stringify(text)}`) : ok(signal);
}

/** FROM:TO; TO may be 0 (drop). FROM must be a signal the init forwards (realtime ones with -r). */
export function parseRewrite(text: string, range: RealtimeRange): Parsed<readonly [number, number]> {
  const parts = text.split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    return fail(`invalid --rewrite ${JSON.stringify(text)} (FROM:TO, e.g. TERM:QUIT)`);
  }
  const [fromText, toText] = parts as [string, string];
  const from = parseSignal(fromText, range);
  if (from === undefined) return fail(`unknown signal in --rewrite ${JSON.stringify(text)}: ${JSON.stringify(fromText)}`);
  if (!STANDARD_FORWARDED.includes(from) && !isRealtime(from, range)) {
    return fail(`--rewrite ${JSON.stringify(text)}: ${signalName(from, range)} is never forwarded`);
  }
  const to = toText === '0' ? 0 : parseSignal(toText, range);
  if (to === undefined) return fail(`unknown signal in --rewrite ${JSON.stringify(text)}: ${JSON.stringify(toText)}`);
  return ok([from, to] as const);
}

/** A day: longer than any stop a container runtime waits for, and well inside what Node's timers can count. */
const MAX_SECONDS = 86_400;

/** Seconds, decimals allowed, 0 to a day; in milliseconds. */
export function parseSeconds(option: string, text: string): Parsed<number> {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(seconds)) return fail(`invalid ${option} ${JSON.stringify(text)} (seconds, e.g. 5 or 0.5)`);
  if (seconds > MAX_SECONDS) return fail(`invalid ${option} ${JSON.stringify(text)} (at most ${MAX_SECONDS} seconds, a day)`);
  return ok(Math.round(seconds * 1000));
}

export function parseLogFormat(text: string): Parsed<LogFormat> {
  return text === 'text' || text === 'json' ? ok(text) : fail(`invalid --log-format ${JSON.stringify(text)} (text or json)`);
}

/**
 * --run CMD, written as in a Dockerfile: exec form, a JSON array of strings
 * (["php-fpm", "-F"]), or shell form, any other string, run by /bin/sh -c.
 * Text that starts with "[" is meant as exec form, so a malformed one is an
 * error rather than a surprising shell command.
 */
export function parseRun(text: string): Parsed<readonly string[]> {
  if (!text.trimStart().startsWith('[')) return ok(['/bin/sh', '-c', text]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(`invalid --run ${JSON.stringify(text)}: not JSON (exec form is a JSON array of strings, e.g. ["php-fpm", "-F"])`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((word) => typeof word === 'string') || parsed[0] === '') {
    return fail(`invalid --run ${JSON.stringify(text)}: exec form is a non-empty JSON array of strings, e.g. ["php-fpm", "-F"]`);
  }
  return ok(parsed as string[]);
}
