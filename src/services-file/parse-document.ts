// The file read as Compose reads it (SPEC §17): YAML 1.2 (JSON is YAML),
// anchors, aliases and merge keys (`<<: *defaults`, the reason Compose has
// `x-` fields); a duplicate key is an error; alias expansion is bounded (a
// "billion laughs" file is refused, not expanded).
import { loadYaml } from './yaml.cjs';

/** Aliases one document may expand; Compose files use a handful. */
const MAX_ALIASES = 1_000;

export type Parsed = { readonly value: unknown } | { readonly error: string };

export function parseDocument(text: string): Parsed {
  const yaml = loadYaml();
  const document = yaml.parseDocument(text, { merge: true, uniqueKeys: true, prettyErrors: true, strict: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    let first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'DUPLICATE_KEY' && line !== undefined) {
      const key = (text.split('\n')[line - 1] ?? '').split(':')[0]!.trim();
      first = `the key ${key} comes twice in one map`;
    }
    return { error: line === undefined ? first : `line ${line}: ${first}` };
  }
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIASES }) };
  } catch (caught) {
    const message = caught instanceof Error ? caught.message.split('\n')[0]! : String(caught);
    return { error: /alias count/i.test(message) ? `its aliases expand to more than ${MAX_ALIASES} copies (refused: a file made to exhaust memory?)` : message };
  }
}
