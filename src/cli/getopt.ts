// POSIX getopt rules for the init's own options (SPEC §2): short flags may be
// clustered (-gv, -vv), a value may be attached (-e143) or follow (-e 143), long
// options take --name=value or --name value, and option parsing stops at `--` or
// at the first argument that is not an option. Everything from there on is the
// command, untouched. Pure: argv in, options and command (or one error) out.
import { OPTIONS, takesValue, type OptionSpec } from './options.js';
import { printable } from './printable.js';

export interface GivenOption {
  readonly spec: OptionSpec;
  readonly value?: string;
}

export type Split =
  | { readonly ok: true; readonly options: readonly GivenOption[]; readonly command: readonly string[] }
  | { readonly ok: false; readonly error: string };

const byShort = new Map(OPTIONS.filter((o) => o.short).map((o) => [o.short!, o]));
const byLong = new Map(OPTIONS.filter((o) => o.long).map((o) => [o.long!, o]));

const fail = (error: string): Split => ({ ok: false, error });

/** An option given with an empty value (`-e ''`, `--grace=`) is a usage error, wherever it stands. */
function withValue(given: GivenOption[], spec: OptionSpec, value: string): Split | undefined {
  if (value === '') return fail(`option ${spec.short !== undefined ? `-${spec.short}` : `--${spec.long}`} needs a value, and got an empty one`);
  given.push({ spec, value });
  return undefined;
}

export function splitArguments(argv: readonly string[]): Split {
  const given: GivenOption[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i]!;
    if (arg === '--') return { ok: true, options: given, command: argv.slice(i + 1) };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) return fail(`unknown option --${printable(name)}`);
      if (!takesValue(spec)) {
        if (eq !== -1) return fail(`option --${printable(name)} takes no value`);
        given.push({ spec });
        i += 1;
        continue;
      }
      if (i + 1 >= argv.length && eq === -1) return fail(`option --${printable(name)} needs a value`);
      const refused = withValue(given, spec, eq !== -1 ? arg.slice(eq + 1) : argv[i + 1]!);
      if (refused) return refused;
      i += eq !== -1 ? 1 : 2;
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      let consumedNext = false;
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const spec = byShort.get(letter);
        if (!spec) return fail(`unknown option -${printable(letter)}`);
        if (!takesValue(spec)) {
          given.push({ spec });
          continue;
        }
        const attached = arg.slice(j + 1);
        if (attached === '' && i + 1 >= argv.length) return fail(`option -${printable(letter)} needs a value`);
        const refused = withValue(given, spec, attached !== '' ? attached : argv[i + 1]!);
        if (refused) return refused;
        consumedNext = attached === '';
        break;
      }
      i += consumedNext ? 2 : 1;
      continue;
    }
    return { ok: true, options: given, command: argv.slice(i) };
  }
  return { ok: true, options: given, command: [] };
}
