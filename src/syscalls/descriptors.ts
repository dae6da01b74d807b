// The process's open descriptors as /proc/self/fd and /proc/self/fdinfo show them.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const O_ACCMODE = 0o3;
const O_NONBLOCK = 0o4000;
const O_CLOEXEC = 0o2000000;

export interface OpenFd {
  readonly fd: number;
  /** What the descriptor points at: a path, "pipe:[123]", "anon_inode:[eventfd]", ... */
  readonly target: string;
  readonly closeOnExec: boolean;
  readonly nonBlocking: boolean;
  /** O_RDONLY (0), O_WRONLY (1) or O_RDWR (2). */
  readonly access: number;
}

export function openDescriptors(): OpenFd[] {
  const found: OpenFd[] = [];
  for (const entry of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${entry}`);
      const info = readFileSync(`/proc/self/fdinfo/${entry}`, 'latin1');
      const flags = Number.parseInt(/^flags:\s*([0-7]+)/m.exec(info)?.[1] ?? '0', 8);
      found.push({
        fd: Number(entry),
        target,
        closeOnExec: (flags & O_CLOEXEC) !== 0,
        nonBlocking: (flags & O_NONBLOCK) !== 0,
        access: flags & O_ACCMODE,
      });
    } catch {
      // The directory handle used by readdir is already closed: not a real descriptor.
    }
  }
  return found;
}

/** Pipes of which this process holds both the read and the write end, by inode. */
export function ownPipes(open: readonly OpenFd[]): Map<string, OpenFd[]> {
  const byInode = new Map<string, OpenFd[]>();
  for (const d of open) {
    if (!d.target.startsWith('pipe:')) continue;
    byInode.set(d.target, [...(byInode.get(d.target) ?? []), d]);
  }
  for (const [inode, ends] of byInode) {
    const accesses = new Set(ends.map((d) => d.access));
    if (!(accesses.has(0) && accesses.has(1))) byInode.delete(inode);
  }
  return byInode;
}
