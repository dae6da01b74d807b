// The reap loop: collect every child that has exited, without blocking, until
// waitpid reports that none is ready (children remain) or that there are none
// at all (ECHILD). One SIGCHLD can stand for many exits, so it always loops.
import { ECHILD, EINTR, lastError, type SyscallError } from './errors.js';
import { libc } from './libc.js';
import { decodeWaitStatus, type ChildExit } from '../posix/exit-status.js';

const WNOHANG = 1;
const status = new Int32Array(1);

export interface ReapResult {
  readonly exits: ChildExit[];
  /** True when waitpid said ECHILD: the init has no child left at all. */
  readonly childless: boolean;
  readonly error?: SyscallError;
}

export function reapExited(): ReapResult {
  const exits: ChildExit[] = [];
  for (;;) {
    const pid = libc.waitpid(-1, status, WNOHANG) as number;
    if (pid > 0) {
      exits.push(decodeWaitStatus(pid, status[0]!));
      continue;
    }
    if (pid === 0) return { exits, childless: false };
    const error = lastError('waitpid(-1)');
    if (error.code === EINTR) continue;
    if (error.code === ECHILD) return { exits, childless: true };
    return { exits, childless: false, error };
  }
}

/**
 * The selective reap loop, for a process that shares its children with others
 * who wait for their own (Node's child_process): reaps only the given pids,
 * each with waitpid(pid, WNOHANG), never waitpid(-1).
 */
export function reapExitedAmong(pids: Iterable<number>): ReapResult {
  const exits: ChildExit[] = [];
  for (const pid of pids) {
    for (;;) {
      const result = libc.waitpid(pid, status, WNOHANG) as number;
      if (result === pid) exits.push(decodeWaitStatus(pid, status[0]!));
      if (result >= 0) break;
      const error = lastError(`waitpid(${pid})`);
      if (error.code === EINTR) continue;
      if (error.code !== ECHILD) return { exits, childless: false, error };
      break; // not (or no longer) our child
    }
  }
  return { exits, childless: false };
}
