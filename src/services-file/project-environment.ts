// The variables a services file is interpolated from (and COMPOSE_PROFILES
// read from), as Compose's project environment: the container's own, over
// those of a `.env` file beside the services file, which Compose reads from
// the project's folder for the same purpose. Its values only stand in the
// file (`${TAG}`); they are not added to any service's environment, as in
// Compose. Read at every start, as the file's interpolation is.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnvFile } from './env-file.js';
import { lookupIn, unsetMessage } from './interpolate.js';
import { readBounded } from './read-bounded.js';

export type ProjectEnvironment =
  | { readonly environment: NodeJS.ProcessEnv; readonly warnings: readonly string[] }
  /** `file`: the .env file the problem is in. */
  | { readonly error: string; readonly file: string };

/** The .env file beside services file `file`. */
export const dotEnvOf = (file: string): string => join(dirname(resolve(file)), '.env');

export function projectEnvironment(file: string, environment: NodeJS.ProcessEnv): ProjectEnvironment {
  const dotEnv = dotEnvOf(file);
  if (!existsSync(dotEnv)) return { environment, warnings: [] };
  const read = readBounded(dotEnv);
  if ('error' in read) return { error: read.error, file: dotEnv };
  const parsed = parseEnvFile(read.text, lookupIn(environment));
  if ('error' in parsed) return { error: parsed.error, file: dotEnv };
  const fromFile = Object.fromEntries(parsed.entries.filter((entry): entry is [string, string] => entry[1] !== undefined));
  return { environment: { ...fromFile, ...environment }, warnings: parsed.unset.map(unsetMessage) };
}
