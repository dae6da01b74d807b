// What a services file parsed to, kept for the next start that reads the same
// text (a container starts with the same file every time). yaml's load and its
// first parse took about 5 ms of every start with ten services (Node 24), even
// compiled from its code cache, before any program could start; reading back
// the kept value takes a tenth of a millisecond.
// Kept where the launcher keeps its code caches (boot/launcher-contract.ts), in
// one slot: the whole text and its value, as JSON, written once start-up is
// over. Only a file that parsed is kept (an error is found again, the same way,
// at every start), and only a value that JSON keeps exactly (YAML's .nan or .inf
// are not). The text is compared whole, so a kept value is only ever used for
// the text it came from.
import { atStartUpOver, codeCacheStore, type CodeCacheStore } from '../boot/launcher-contract.js';
import { parseDocument, type Parsed } from './parse-document.js';
import { noteParse, type KeptParse } from './parse-note.js';

const SLOT = 'services-file';

/** Whether JSON holds `value` exactly: strings, booleans, null, finite numbers (not -0), arrays and plain objects of those. */
function jsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonExact);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return !Object.hasOwn(value, '__proto__') && Object.values(value).every(jsonExact);
}

function readKept(store: CodeCacheStore, text: string): { readonly value: unknown } | undefined {
  try {
    const kept = JSON.parse(store.read(SLOT)?.toString('utf8') ?? 'null') as { text?: unknown; value?: unknown } | null;
    return kept !== null && typeof kept === 'object' && kept.text === text ? { value: kept.value } : undefined;
  } catch {
    return undefined;
  }
}

/** `text` parsed as parse-document.ts does, or the value kept for the same text by an earlier start. */
export function parseKept(text: string): Parsed {
  const store = codeCacheStore();
  if (store === undefined) return parseDocument(text);
  const kept = readKept(store, text);
  if (kept !== undefined) {
    noteParse('kept');
    return kept;
  }
  const parsed = parseDocument(text);
  if (!('value' in parsed)) return parsed;
  const { value } = parsed;
  const how: KeptParse = jsonExact(value) ? 'parsed' : 'unkeepable';
  noteParse(how);
  if (how === 'parsed') atStartUpOver(() => store.write(SLOT, Buffer.from(JSON.stringify({ text, value }))));
  return parsed;
}
