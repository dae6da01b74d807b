// An env_file as Compose reads one: one VAR=value per line; blank lines and
// lines starting with # are skipped; `export ` before a name is allowed; a
// value in single quotes is taken as it is, one in double quotes with \n, \t,
// \" and \\ unescaped; an unquoted value ends at " #". A line with a name alone
// takes the variable from the init's own environment.

export type EnvEntries = { readonly entries: Array<[string, string | undefined]> } | { readonly error: string };

const NAME = /^[^\s=#]+$/;

function unquote(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\([nt"\\])/g, (_m, c: string) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\' })[c]!);
  }
  const comment = value.indexOf(' #');
  return (comment === -1 ? value : value.slice(0, comment)).trim();
}

export function parseEnvFile(text: string): EnvEntries {
  const entries: Array<[string, string | undefined]> = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const name = (eq === -1 ? line : line.slice(0, eq)).trim();
    if (!NAME.test(name)) return { error: `line ${index + 1}: ${JSON.stringify(raw.slice(0, 40))} is no VAR=value` };
    entries.push([name, eq === -1 ? undefined : unquote(line.slice(eq + 1))]);
  }
  return { entries };
}
