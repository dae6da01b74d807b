// A file a launcher keeps for later starts (a code cache, a services file's
// value), written whole or not at all: to a file of its own, then renamed into
// place, so that a start beside it reads a whole one or none. Silently not at
// all where the folder cannot be written (a read-only file system, another
// user): a later start does without.
import { renameSync, rmSync, writeFileSync } from 'node:fs';

export function writeWhole(file: string, data: Buffer): void {
  // Not named after the pid: as PID 1, every container's init has the same one.
  const partial = `${file}.${Math.random().toString(36).slice(2)}`;
  try {
    writeFileSync(partial, data, { flag: 'wx' });
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
  }
}
