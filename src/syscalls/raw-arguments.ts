// The init's own arguments as bytes. Node decodes argv as UTF-8, which turns a
// Latin-1 file name into U+FFFD; /proc/self/cmdline holds them as they came.
// Read before process.title is set: that rewrites the same memory.
import { readFileSync } from 'node:fs';

/** The last `count` arguments of this process, as bytes; undefined without /proc. */
export function rawArguments(count: number): Buffer[] | undefined {
  try {
    const cmdline = readFileSync('/proc/self/cmdline');
    const words: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < cmdline.length; i++) {
      if (cmdline[i] === 0) {
        words.push(cmdline.subarray(start, i));
        start = i + 1;
      }
    }
    return count <= words.length ? words.slice(words.length - count) : undefined;
  } catch {
    return undefined;
  }
}
