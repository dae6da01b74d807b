// The controlling terminal (SPEC §8 "TTY"): whether the init may hand its
// foreground to the command, and how the init writes to it from the background.
import { lastError, type SyscallError } from './errors.js';
import { libc } from './libc.js';
import { sigset } from './sigset.js';
import { SIGTTIN, SIGTTOU } from '../posix/signals.js';

const SIG_BLOCK = 0;
const SIG_SETMASK = 2;
const TERMINAL_STOPS = sigset([SIGTTIN, SIGTTOU]);
const previousMask = Buffer.alloc(128);

/**
 * True when `fd` is the init's controlling terminal and the init's process
 * group is its foreground group: the terminal is the init's to hand on. (An
 * init started in the background of an interactive shell must not take it.)
 */
export function ownsTerminal(fd: number): boolean {
  if (libc.isatty(fd) !== 1) return false;
  // tcgetsid fails unless fd is the caller's controlling terminal. (Ids of a
  // session or group whose leader lives outside the init's PID namespace read
  // as 0; in a container PID 1 leads the session, so they are real there.)
  if ((libc.tcgetsid(fd) as number) < 0) return false;
  return libc.tcgetpgrp(fd) === libc.getpgrp();
}

/** Makes `pgid` the terminal's foreground group (from the foreground, so no SIGTTOU is involved). */
export function giveTerminal(fd: number, pgid: number): SyscallError | undefined {
  return libc.tcsetpgrp(fd, pgid) === 0 ? undefined : lastError(`tcsetpgrp(${fd}, ${pgid})`);
}

export function isTerminal(fd: number): boolean {
  return libc.isatty(fd) === 1;
}

/**
 * Runs `write` with SIGTTOU and SIGTTIN blocked in this thread. A process that
 * writes to its terminal from the background with `stty tostop` set gets
 * SIGTTOU, which would stop the init or, caught, restart the write forever;
 * blocked, the kernel lets the write through.
 */
export function withTerminalStopsBlocked<T>(write: () => T): T {
  libc.pthread_sigmask(SIG_BLOCK, TERMINAL_STOPS, previousMask);
  try {
    return write();
  } finally {
    libc.pthread_sigmask(SIG_SETMASK, previousMask, null);
  }
}
