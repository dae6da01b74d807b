// The variables a services file is interpolated from (and COMPOSE_PROFILES
// read from), as Compose's project environment: the container's own, over
// those of a `.env` file beside the services file, which Compose reads from
// the project's folder for the same purpose. Its values only stand in the
// file (`${TAG}`); they are not added to any service's environment, as in
// Compose. Read at every start, as the file's interpolation is.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnvFile } from './env-file.js';
import { unsetMessage, type Lookup } from './interpolate.js';
import { readBounded } from './read-bounded.js';

export type ProjectEnvironment =
  | { readonly variable: Lookup; readonly warnings: readonly string[] }
  /** `file`: the .env file the problem is in. */
  | { readonly error: string; readonly file: string };

/** The .env file beside services file `file`. */
export const dotEnvOf = (file: string): string => join(dirname(resolve(file)), '.env');

/** `variable`: the container's own variables. */
export function projectEnvironment(file: string, variable: Lookup): ProjectEnvironment {
  const dotEnv = dotEnvOf(file);
  if (!existsSync(dotEnv)) return { variable, warnings: [] };
  const read = readBounded(dotEnv);
  if ('error' in read) return { error: read.error, file: dotEnv };
  const parsed = parseEnvFile(read.text, variable);
  if ('error' in parsed) return { error: parsed.error, file: dotEnv };
  const fromFile = new Map(parsed.entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { variable: (name) => variable(name) ?? fromFile.get(name), warnings: parsed.unset.map(unsetMessage) };
}
