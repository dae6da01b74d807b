// How a process ended: the status int that waitpid fills in, decoded (the W*
// macros of <sys/wait.h>), the shell's number for it, the words for the log,
// and the status of a program that could not be started at all.
import { EAGAIN, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR } from './errno.js';

export interface ChildExit {
  readonly pid: number;
  /** Exit code when the child called exit(), otherwise null. */
  readonly code: number | null;
  /** Signal number when the child was killed by a signal, otherwise null. */
  readonly signal: number | null;
}

export function decodeWaitStatus(pid: number, status: number): ChildExit {
  const termSignal = status & 0x7f;
  if (termSignal === 0) return { pid, code: (status >> 8) & 0xff, signal: null };
  return { pid, code: null, signal: termSignal };
}

/** The shell convention: the exit code, or 128+N for a process killed by signal N. */
export function exitStatusOf(exit: ChildExit): number {
  return exit.code ?? 128 + (exit.signal ?? 0);
}

/** "exited with status 3" / "was killed by SIGTERM", for log lines. */
export function describeExit(exit: ChildExit, signalName: (signal: number) => string): string {
  return exit.code !== null ? `exited with status ${exit.code}` : `was killed by ${signalName(exit.signal ?? 0)}`;
}

// Exit statuses for a command that could not be started, as shells use them,
// and (as env(1) does) 125 when the fault is not the command's: no new process
// could be made at all.
const STATUS_NOT_FOUND = 127;
const STATUS_NOT_EXECUTABLE = 126;
const STATUS_NO_PROCESS = 125;

const NOT_FOUND_ERRNOS = new Set([ENOENT, ENOTDIR, ENAMETOOLONG]);
/** fork/clone refused: a pids limit (EAGAIN) or no memory for one more process (ENOMEM). */
export const NO_PROCESS_ERRNOS: ReadonlySet<number> = new Set([EAGAIN, ENOMEM]);

/** 127 when the command was not found, 126 when it was found but could not be run, 125 when no process could be made. */
export function statusForSpawnError(errno: number): number {
  if (NOT_FOUND_ERRNOS.has(errno)) return STATUS_NOT_FOUND;
  return NO_PROCESS_ERRNOS.has(errno) ? STATUS_NO_PROCESS : STATUS_NOT_EXECUTABLE;
}
