// Compose's interpolation over a whole services file, as parsed (SPEC §17:
// "read as Compose reads it"): every string value, at any depth, never a key
// (interpolate.ts). Done at every start, after the kept value is read
// (kept-parse.ts keeps the file's value before interpolation): the same file
// in a container started with other variables gives other values.
// Where Compose turns an interpolated string back into a number or a boolean,
// so does this, for the keys the init reads (`retries: ${RETRIES:-3}`).
import { isMap } from './yaml-values.js';
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

/** The last key of every path in CASTS: a string under any other key is no cast's. */
const CAST_KEYS = new Set(CASTS.map(([pattern]) => pattern.at(-1)!));

function castAt(path: DocumentPath): Cast | undefined {
  return CASTS.find(([pattern]) => pattern.length === path.length && pattern.every((part, i) => part === '*' || part === path[i]))?.[1];
}

/** Where a value stands, as a chain up to the root: the path is made only when a message or a cast needs it. */
interface At {
  readonly parent: At | undefined;
  readonly key: string | number;
}

function pathOf(at: At | undefined): DocumentPath {
  const parts: Array<string | number> = [];
  for (let step = at; step !== undefined; step = step.parent) parts.push(step.key);
  return parts.reverse();
}

class Refused {
  constructor(
    readonly message: string,
    readonly path: DocumentPath,
  ) {}
}

export function interpolateDocument(document: unknown, lookup: Lookup): InterpolatedDocument {
  const unset: Array<{ path: DocumentPath; name: string }> = [];
  const walk = (value: unknown, at: At | undefined): unknown => {
    if (typeof value === 'string') {
      // Most values name no variable: they stay as they are (a start reads every value of the file).
      let text = value;
      if (value.includes('$')) {
        const done = interpolate(value, lookup);
        if ('error' in done) throw new Refused(done.error, pathOf(at));
        for (const name of done.unset) unset.push({ path: pathOf(at), name });
        text = done.text;
      }
      const cast = at !== undefined && CAST_KEYS.has(at.key as string) ? castAt(pathOf(at)) : undefined;
      if (cast === undefined) return text;
      const converted = cast(text);
      if ('error' in converted) throw new Refused(converted.error, pathOf(at));
      return converted.value;
    }
    if (Array.isArray(value)) return value.map((item, key) => walk(item, { parent: at, key }));
    // fromEntries, not assignment: a key "__proto__" stays a key.
    if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, { parent: at, key })]));
    return value;
  };
  try {
    return { value: walk(document, undefined), unset };
  } catch (error) {
    if (error instanceof Refused) return { error: error.message, path: error.path };
    throw error;
  }
}
