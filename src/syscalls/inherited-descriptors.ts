// Which open descriptors the init inherited from its parent, as opposed to the
// ones Node.js opened for itself. Node (libuv's uv_disable_stdio_inheritance)
// marks inherited descriptors 0..15 close-on-exec at start-up, so the flag alone
// cannot tell them apart. Node's own descriptors are all close-on-exec and are
// either anonymous inodes (epoll, eventfd) or pipes whose read and write ends it
// holds both. Everything else is inherited. Call this before anything opens a
// stream, so that libuv's reserve /dev/null descriptor does not exist yet.
// Known limit: an inherited pipe whose two ends both sit at 3..15 (a make
// jobserver, say) looks like Node's own and is not passed on.
import { openDescriptors, ownPipes, type OpenFd } from './descriptors.js';

export function inheritedDescriptors(open: readonly OpenFd[] = openDescriptors()): number[] {
  const pipes = ownPipes(open);
  const isNodesOwn = ({ fd, target, closeOnExec }: OpenFd): boolean =>
    fd > 2 && closeOnExec && (target.startsWith('anon_inode:') || pipes.has(target));
  return open.filter((d) => !isNodesOwn(d)).map((d) => d.fd).sort((a, b) => a - b);
}
