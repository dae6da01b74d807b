// Giving back the memory start-up touched and the init rarely needs again.
// Starting Node.js reads some 35 MiB of its own binary (V8's snapshot, the
// builtins, code that runs once) into the process's resident memory; an init
// that then sleeps until a signal comes needs a small part of it. Those pages
// are clean copies of files: MADV_PAGEOUT (Linux 5.4) hands them back, and a
// page needed again is read back in on first use. The init's own data is left
// alone. Where the kernel does not know the advice, nothing happens.
import { readFileSync } from 'node:fs';
import { libc } from './libc.js';

const MADV_PAGEOUT = 21;

/** Hands back the file-backed pages of every mapping that cannot be written; returns how many mappings took the advice. */
export function releaseFilePages(): number {
  let released = 0;
  let maps: string;
  try {
    maps = readFileSync('/proc/self/maps', 'latin1');
  } catch {
    return 0;
  }
  for (const line of maps.split('\n')) {
    // address perms offset dev inode path
    const match = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \S+\s+(\/\S*)/.exec(line);
    if (!match || match[3]!.includes('w')) continue;
    const start = BigInt(`0x${match[1]}`);
    const end = BigInt(`0x${match[2]}`);
    if ((libc.madvise(start, end - start, MADV_PAGEOUT) as number) === 0) released += 1;
  }
  return released;
}
