// Decoding of the int that waitpid fills in (the W* macros of <sys/wait.h>).

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
