// The init's own arguments as bytes. Node decodes argv as UTF-8, which turns a
// Latin-1 file name into U+FFFD; /proc/self/cmdline holds them as they came.
// Read before process.title is set: that rewrites the same memory.
import { readFileSync } from 'node:fs';
import { nulSeparated } from '../posix/nul-separated.js';

/** The last `count` arguments of this process, as bytes; undefined without /proc. */
export function rawArguments(count: number): Buffer[] | undefined {
  try {
    const words = nulSeparated(readFileSync('/proc/self/cmdline'));
    return count <= words.length ? words.slice(words.length - count) : undefined;
  } catch {
    return undefined;
  }
}
