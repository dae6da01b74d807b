// Starts the command with posix_spawnp: PATH lookup, the init's environment,
// working directory and inherited descriptors, and a clean signal state.
import { environPointer, libc, optionalFunction } from './libc.js';
import { allSignals, sigset } from './sigset.js';

const POSIX_SPAWN_SETPGROUP = 0x02;
const POSIX_SPAWN_SETSIGDEF = 0x04;
const POSIX_SPAWN_SETSIGMASK = 0x08;

// Opaque C structs; generous sizes (glibc and musl on x86_64/arm64 use 336 and 80 bytes).
const ATTR_BYTES = 1024;
const FILE_ACTIONS_BYTES = 512;

// Every signal back to SIG_DFL in the child. The set is written bit by bit
// rather than with sigaddset, which refuses glibc's internal signals 32 and 33;
// without them in the set glibc's posix_spawn leaves those two at SIG_IGN in
// the child. posix_spawnattr_setsigdefault copies the set as given.
const DEFAULT_DISPOSITIONS = sigset(allSignals());
const EMPTY_MASK = sigset([]);

// glibc 2.35+: the child makes its own group the terminal's foreground before it
// execs, with every signal still blocked (so no SIGTTOU from the background) and
// before it can read from the terminal. Missing elsewhere (musl).
const addTcsetpgrp = optionalFunction('int posix_spawn_file_actions_addtcsetpgrp_np(void *actions, int tcfd)');

export interface SpawnRequest {
  readonly argv: readonly string[];
  /** -g: put the command in a new process group of its own (pgid = its pid). */
  readonly processGroup: boolean;
  /** Make the command's new group the foreground group of this terminal descriptor. */
  readonly foregroundOf?: number | undefined;
  /** Descriptors the init inherited; Node marks several close-on-exec, the command gets them all. */
  readonly inheritedFds: readonly number[];
}

/** The command's pid, and whether the child itself took the terminal's foreground. */
export type SpawnResult = { readonly pid: number; readonly tookForeground: boolean } | { readonly errno: number };

export function spawnCommand(request: SpawnRequest): SpawnResult {
  const attr = Buffer.alloc(ATTR_BYTES);
  const actions = Buffer.alloc(FILE_ACTIONS_BYTES);
  libc.posix_spawnattr_init(attr);
  libc.posix_spawn_file_actions_init(actions);
  try {
    let flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    const foreground = request.foregroundOf;
    if (request.processGroup || foreground !== undefined) {
      flags |= POSIX_SPAWN_SETPGROUP;
      libc.posix_spawnattr_setpgroup(attr, 0);
    }
    libc.posix_spawnattr_setflags(attr, flags);
    libc.posix_spawnattr_setsigdefault(attr, DEFAULT_DISPOSITIONS);
    libc.posix_spawnattr_setsigmask(attr, EMPTY_MASK);
    // dup2 of a descriptor onto itself clears its close-on-exec flag in the child only.
    for (const fd of request.inheritedFds) libc.posix_spawn_file_actions_adddup2(actions, fd, fd);
    const tookForeground = foreground !== undefined && addTcsetpgrp !== undefined && addTcsetpgrp(actions, foreground) === 0;

    const pid = [0];
    const file = request.argv[0] ?? '';
    const code = libc.posix_spawnp(pid, file, actions, attr, [...request.argv, null], environPointer()) as number;
    return code === 0 ? { pid: pid[0]!, tookForeground } : { errno: code };
  } finally {
    libc.posix_spawn_file_actions_destroy(actions);
    libc.posix_spawnattr_destroy(attr);
  }
}
