// The init's own arguments as bytes. Node decodes argv as UTF-8, which turns a
// Latin-1 file name into U+FFFD; /proc/self/cmdline holds them as they came.
// Read before process.title is set: that rewrites the same memory.
// Only an argument with U+FFFD in it needs that read: valid UTF-8 comes back
// from Node's string byte for byte, and anything else decodes with U+FFFD.
// The read took 0.1 ms of every start on Node 24, 0.3 on Node 20.
import { readFileSync } from 'node:fs';
import { nulSeparated } from '../posix/nul-separated.js';

/** The last `count` arguments of this process, as bytes; undefined when they are not all in /proc. */
export function rawArguments(count: number): Buffer[] | undefined {
  const words = process.argv.slice(process.argv.length - count);
  if (!words.some((word) => word.includes('\uFFFD'))) return words.map((word) => Buffer.from(word));
  try {
    const all = nulSeparated(readFileSync('/proc/self/cmdline'));
    return count <= all.length ? all.slice(all.length - count) : undefined;
  } catch {
    return undefined;
  }
}
