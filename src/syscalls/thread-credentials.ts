// Starting a program as another user (SPEC §17 `user`, as gosu and su-exec
// do, without a helper program): for the length of one posix_spawn, the
// calling thread alone takes the user's groups and ids, through raw system
// calls (the C library's setuid and friends change every thread of the
// process), so the child starts with them; its execve makes them its saved
// ids too, and it keeps no capability. The thread then takes its own back:
// its saved uid stayed 0, which lets it. A change of the effective ids clears
// the parent-death signal (-p) and makes the process undumpable; both are set
// again as they were.
import { ENOSYS } from '../posix/errno.js';
import { lastError, SyscallError } from './errors.js';
import { libc } from './libc.js';

/** The system call numbers, which differ by architecture. */
const NUMBERS: Readonly<Record<string, { setgroups: number; setresuid: number; setresgid: number }>> = {
  x64: { setgroups: 116, setresuid: 117, setresgid: 119 },
  arm64: { setgroups: 159, setresuid: 147, setresgid: 149 },
};
const PR_SET_PDEATHSIG = 1;
const PR_GET_PDEATHSIG = 2;
const PR_SET_DUMPABLE = 4;
const MAX_GROUPS = 65_536;
const KEEP = -1;

export interface Credentials {
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
}

function raw(name: 'setgroups' | 'setresuid' | 'setresgid', ...args: unknown[]): SyscallError | undefined {
  const number = NUMBERS[process.arch]?.[name];
  if (number === undefined) return new SyscallError(name, ENOSYS);
  return (libc.syscall(number, ...args) as number) === 0 ? undefined : lastError(name);
}

const setGroups = (groups: readonly number[]): SyscallError | undefined => raw('setgroups', 'size_t', groups.length, 'void *', Uint32Array.from(groups));
const setUids = (r: number, e: number, s: number): SyscallError | undefined => raw('setresuid', 'int', r, 'int', e, 'int', s);
const setGids = (r: number, e: number, s: number): SyscallError | undefined => raw('setresgid', 'int', r, 'int', e, 'int', s);

/** Runs `spawn` with this thread as `user`; the error of the first change that failed, or what `spawn` returned. */
export function asUser<T>(user: Credentials, spawn: () => T): T | SyscallError {
  const uids = new Uint32Array(3);
  const gids = new Uint32Array(3);
  libc.getresuid(uids.subarray(0, 1), uids.subarray(1, 2), uids.subarray(2, 3));
  libc.getresgid(gids.subarray(0, 1), gids.subarray(1, 2), gids.subarray(2, 3));
  const groups = new Uint32Array(MAX_GROUPS);
  const count = libc.getgroups(MAX_GROUPS, groups) as number;
  const deathSignal = [0];
  libc.prctlGet(PR_GET_PDEATHSIG, deathSignal, 0, 0, 0);
  const restore = (): void => {
    setUids(uids[0]!, uids[1]!, uids[2]!);
    setGids(gids[0]!, gids[1]!, gids[2]!);
    setGroups(Array.from(groups.subarray(0, Math.max(count, 0))));
    libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
    if (deathSignal[0]) libc.prctl(PR_SET_PDEATHSIG, deathSignal[0], 0, 0, 0);
  };
  const failed = setGroups(user.groups) ?? setGids(user.gid, user.gid, KEEP) ?? setUids(user.uid, user.uid, KEEP);
  try {
    return failed ?? spawn();
  } finally {
    restore();
  }
}
