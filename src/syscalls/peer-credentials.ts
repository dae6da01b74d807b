// Who is at the other end of a Unix socket: the kernel's SO_PEERCRED.
import { libc } from './libc.js';

const SOL_SOCKET = 1;
const SO_PEERCRED = 17;

/** The uid of the process that connected to socket `fd`; undefined when the kernel does not say. */
export function peerUid(fd: number): number | undefined {
  // struct ucred: pid, uid, gid.
  const credentials = new Int32Array(3);
  const length = new Uint32Array([credentials.byteLength]);
  if ((libc.getsockopt(fd, SOL_SOCKET, SO_PEERCRED, credentials, length) as number) !== 0) return undefined;
  return credentials[1]! >>> 0;
}
