// Starts the command with posix_spawnp: PATH lookup, the init's environment,
// working directory and inherited descriptors, and a clean signal state.
// Arguments, environment and directory go to the C library as bytes, exactly
// as they came (a file name in Latin-1 stays Latin-1): never through a
// JavaScript string, which would turn invalid UTF-8 into U+FFFD.
import { cString } from './c-string.js';
import { SyscallError } from './errors.js';
import { asUser, type Credentials } from './thread-credentials.js';
import { koffi } from './koffi.js';
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
// glibc 2.29+, musl 1.1.24+: the child changes directory before it execs, so
// that the init itself can leave the directory before the command exists.
const addChdir = optionalFunction('int posix_spawn_file_actions_addchdir_np(void *actions, const uint8_t *path)');

/** Whether the C library can start a command in another directory than the init's own. */
export const canSpawnInDirectory = addChdir !== undefined;

export interface SpawnRequest {
  /** The command and its arguments, as bytes. */
  readonly argv: readonly Uint8Array[];
  /** -g: put the command in a new process group of its own (pgid = its pid). */
  readonly processGroup: boolean;
  /** Make the command's new group the foreground group of this terminal descriptor. */
  readonly foregroundOf?: number | undefined;
  /** Descriptors the init inherited; Node marks several close-on-exec, the command gets them all. */
  readonly inheritedFds: readonly number[];
  /** The directory to start in (bytes), when it is not the init's own (see canSpawnInDirectory). */
  readonly directory?: Uint8Array | undefined;
  /** The environment ("NAME=value", bytes each), when it is not the init's own. */
  readonly environment?: readonly Uint8Array[] | undefined;
  /** The user to start it as (thread-credentials.ts), when not the init's own. */
  readonly user?: Credentials | undefined;
  /** Descriptors of the init's to give it as its stdin, stdout and stderr (pipes the init reads, /dev/null), instead of the init's own. */
  readonly stdin?: number | undefined;
  readonly stdout?: number | undefined;
  readonly stderr?: number | undefined;
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
    if (request.stdin !== undefined) libc.posix_spawn_file_actions_adddup2(actions, request.stdin, 0);
    if (request.stdout !== undefined) libc.posix_spawn_file_actions_adddup2(actions, request.stdout, 1);
    if (request.stderr !== undefined) libc.posix_spawn_file_actions_adddup2(actions, request.stderr, 2);
    const tookForeground = foreground !== undefined && addTcsetpgrp !== undefined && addTcsetpgrp(actions, foreground) === 0;
    if (request.directory !== undefined && addChdir !== undefined) addChdir(actions, cString(request.directory));

    const pid = [0];
    const argv = request.argv.map(cString);
    const environment = request.environment === undefined ? environPointer() : koffi.as([...request.environment.map(cString), null], 'void **');
    const spawn = (): number => libc.posix_spawnp(pid, argv[0] ?? cString(new Uint8Array()), actions, attr, [...argv, null], environment) as number;
    const code = request.user === undefined ? spawn() : asUser(request.user, spawn);
    if (code instanceof SyscallError) return { errno: code.code };
    return code === 0 ? { pid: pid[0]!, tookForeground } : { errno: code };
  } finally {
    libc.posix_spawn_file_actions_destroy(actions);
    libc.posix_spawnattr_destroy(attr);
  }
}
