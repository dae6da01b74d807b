// An env_file as Compose reads one: one VAR=value per line; blank lines and
// lines starting with # are skipped; `export ` before a name is allowed; a
// value in single quotes is taken as it is, one in double quotes with \n, \t,
// \" and \\ unescaped; an unquoted value ends at " #". A line with a name alone
// takes the variable from the init's own environment. Unquoted and
// double-quoted values are interpolated as the services file's are
// (interpolate.ts), from the variables the lines above set, then from the
// init's environment. With `format: raw` (Compose's), each value is the rest
// of its line as written: no quotes taken off, no comment, no interpolation.
import { interpolate, type Lookup } from './interpolate.js';

export type EnvEntries = { readonly entries: Array<[string, string | undefined]>; readonly unset: readonly string[] } | { readonly error: string };

const NAME = /^[^\s=#]+$/;

/** The value as written, and whether it is taken literally (single quotes). */
function unquote(raw: string): { readonly value: string; readonly literal: boolean } {
  const value = raw.trim();
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return { value: value.slice(1, -1), literal: true };
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return { value: value.slice(1, -1).replace(/\\([nt"\\])/g, (_m, c: string) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\' })[c]!), literal: false };
  }
  const comment = value.indexOf(' #');
  return { value: (comment === -1 ? value : value.slice(0, comment)).trim(), literal: false };
}

export function parseEnvFile(text: string, lookup: Lookup, raw = false): EnvEntries {
  const entries: Array<[string, string | undefined]> = [];
  const above = new Map<string, string>();
  const unset = new Set<string>();
  const fromAbove: Lookup = (name) => above.get(name) ?? lookup(name);
  for (const [index, written] of text.split(/\r?\n/).entries()) {
    const line = written.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = (eq === -1 ? line : line.slice(0, eq)).trim();
    if (!NAME.test(name)) return { error: `line ${index + 1}: ${JSON.stringify(written.slice(0, 40))} is no VAR=value` };
    if (eq === -1) {
      entries.push([name, undefined]);
      continue;
    }
    if (raw) {
      const value = written.slice(written.indexOf('=') + 1);
      above.set(name, value);
      entries.push([name, value]);
      continue;
    }
    const { value, literal } = unquote(line.slice(eq + 1));
    const done = literal ? { text: value, unset: [] } : interpolate(value, fromAbove);
    if ('error' in done) return { error: `line ${index + 1}: ${done.error}` };
    for (const missing of done.unset) unset.add(missing);
    above.set(name, done.text);
    entries.push([name, done.text]);
  }
  return { entries, unset: [...unset] };
}
