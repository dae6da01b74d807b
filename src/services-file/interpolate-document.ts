// Compose's interpolation over a whole services file, as parsed (SPEC §17:
// "read as Compose reads it"): every string value, at any depth, never a key
// (interpolate.ts). Done at every start, after the kept value is read
// (kept-parse.ts keeps the file's value before interpolation): the same file
// in a container started with other variables gives other values.
// Where Compose turns an interpolated string back into a number or a boolean,
// so does this, for the keys the init reads (`retries: ${RETRIES:-3}`).
import { isMap } from './is-map.js';
import { interpolate, type Lookup } from './interpolate.js';

/** Where a value stands in the file: map keys, and list positions as numbers. */
export type DocumentPath = ReadonlyArray<string | number>;

export type InterpolatedDocument =
  | { readonly value: unknown; readonly unset: ReadonlyArray<{ readonly path: DocumentPath; readonly name: string }> }
  | { readonly error: string; readonly path: DocumentPath };

type Cast = (text: string) => { readonly value: unknown } | { readonly error: string };

const toWhole: Cast = (text) => (/^-?\d+$/.test(text.trim()) ? { value: Number(text) } : { error: `${JSON.stringify(text)} is no whole number` });

// The words Compose takes for a boolean here.
const TRUE = new Set(['y', 'yes', 'true', 'on']);
const FALSE = new Set(['n', 'no', 'false', 'off']);
const toBoolean: Cast = (text) => {
  const word = text.trim().toLowerCase();
  return TRUE.has(word) ? { value: true } : FALSE.has(word) ? { value: false } : { error: `${JSON.stringify(text)} is neither true nor false` };
};

/** Paths whose string becomes a number or a boolean; "*" stands for any one key or position. */
const CASTS: ReadonlyArray<readonly [readonly string[], Cast]> = [
  [['services', '*', 'healthcheck', 'retries'], toWhole],
  [['services', '*', 'scale'], toWhole],
  [['services', '*', 'deploy', 'replicas'], toWhole],
  [['services', '*', 'healthcheck', 'disable'], toBoolean],
  [['services', '*', 'depends_on', '*', 'required'], toBoolean],
  [['services', '*', 'depends_on', '*', 'restart'], toBoolean],
  [['services', '*', 'env_file', '*', 'required'], toBoolean],
];

function castAt(path: DocumentPath): Cast | undefined {
  return CASTS.find(([pattern]) => pattern.length === path.length && pattern.every((part, i) => part === '*' || part === path[i]))?.[1];
}

class Refused {
  constructor(
    readonly message: string,
    readonly path: DocumentPath,
  ) {}
}

export function interpolateDocument(document: unknown, lookup: Lookup): InterpolatedDocument {
  const unset: Array<{ path: DocumentPath; name: string }> = [];
  const walk = (value: unknown, path: DocumentPath): unknown => {
    if (typeof value === 'string') {
      const done = interpolate(value, lookup);
      if ('error' in done) throw new Refused(done.error, path);
      for (const name of done.unset) unset.push({ path, name });
      const cast = castAt(path);
      if (cast === undefined) return done.text;
      const converted = cast(done.text);
      if ('error' in converted) throw new Refused(converted.error, path);
      return converted.value;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    // fromEntries, not assignment: a key "__proto__" stays a key.
    if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]));
    return value;
  };
  try {
    return { value: walk(document, []), unset };
  } catch (error) {
    if (error instanceof Refused) return { error: error.message, path: error.path };
    throw error;
  }
}
