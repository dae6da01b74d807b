// Which open descriptors the init inherited from its parent, as opposed to the
// ones Node.js opened for itself. Node (libuv's uv_disable_stdio_inheritance)
// marks inherited descriptors 0..15 close-on-exec at start-up, so the flag alone
// cannot tell them apart. Node's own descriptors are all close-on-exec and are
// either anonymous inodes (epoll, eventfd) or pipes whose read and write ends it
// holds both. Everything else is inherited. Call this before anything opens a
// stream, so that libuv's reserve /dev/null descriptor does not exist yet.
// Known limit: an inherited pipe whose two ends both sit at 3..15 (a make
// jobserver, say) looks like Node's own and is not passed on.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const O_ACCMODE = 0o3;
const O_CLOEXEC = 0o2000000;

interface OpenFd {
  readonly fd: number;
  readonly target: string;
  readonly closeOnExec: boolean;
  readonly access: number;
}

function openDescriptors(): OpenFd[] {
  const found: OpenFd[] = [];
  for (const entry of readdirSync('/proc/self/fd')) {
    const fd = Number(entry);
    try {
      const target = readlinkSync(`/proc/self/fd/${entry}`);
      const info = readFileSync(`/proc/self/fdinfo/${entry}`, 'latin1');
      const flags = Number.parseInt(/^flags:\s*([0-7]+)/m.exec(info)?.[1] ?? '0', 8);
      found.push({ fd, target, closeOnExec: (flags & O_CLOEXEC) !== 0, access: flags & O_ACCMODE });
    } catch {
      // The directory handle used by readdir is already closed: not a real descriptor.
    }
  }
  return found;
}

export function inheritedDescriptors(): number[] {
  const open = openDescriptors();
  const pipeEnds = new Map<string, Set<number>>();
  for (const { target, access } of open) {
    if (!target.startsWith('pipe:')) continue;
    const ends = pipeEnds.get(target) ?? new Set<number>();
    ends.add(access);
    pipeEnds.set(target, ends);
  }
  const isNodesOwn = ({ fd, target, closeOnExec }: OpenFd): boolean =>
    fd > 2 &&
    closeOnExec &&
    (target.startsWith('anon_inode:') || (target.startsWith('pipe:') && pipeEnds.get(target)!.size === 2));
  return open.filter((d) => !isNodesOwn(d)).map((d) => d.fd).sort((a, b) => a - b);
}
