// `environment` as Compose writes it, for a service or one of its hooks: a map
// (a null value: a name alone) or a list of VAR=value (VAR alone: a name
// alone). A name alone takes the value of the (project's) environment, and
// nothing when it has none.
import type { Lookup } from './interpolate.js';
import { isMap, isScalar } from './yaml-values.js';

export type EnvironmentEntries = { readonly variables: Map<string, string | undefined> } | { readonly error: string };


export function environmentEntries(value: unknown): EnvironmentEntries {
  const variables = new Map<string, string | undefined>();
  if (value === undefined || value === null) return { variables };
  if (isMap(value)) {
    for (const [key, val] of Object.entries(value)) {
      if (val !== null && !isScalar(val)) return { error: `${key} is neither a string, a number nor a boolean` };
      variables.set(key, val === null ? undefined : String(val));
    }
    return { variables };
  }
  if (!Array.isArray(value)) return { error: 'is neither a map nor a list of VAR=value' };
  for (const entry of value) {
    if (typeof entry !== 'string' || entry === '' || entry.startsWith('=')) return { error: 'holds an entry that is no VAR=value' };
    const eq = entry.indexOf('=');
    variables.set(eq === -1 ? entry : entry.slice(0, eq), eq === -1 ? undefined : entry.slice(eq + 1));
  }
  return { variables };
}

/** The entries as "NAME=value" bytes, a name alone resolved by `variable` (left out when it is not set). */
export function entryBytes(variables: ReadonlyMap<string, string | undefined>, variable: Lookup): Buffer[] {
  const bytes: Buffer[] = [];
  for (const [key, val] of variables) {
    const resolved = val ?? variable(key);
    if (resolved !== undefined) bytes.push(Buffer.from(`${key}=${resolved}`));
  }
  return bytes;
}
