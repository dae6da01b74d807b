// Which signals the init passes on to its command (SPEC §4): every asynchronous
// signal a process can catch. SIGCHLD drives reaping, SIGKILL and SIGSTOP cannot
// be caught, and the fault signals (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP,
// SIGSYS, SIGABRT) are about the init's own execution, so none of those are passed on.
import { platformConstants } from '../posix/platform-constants.js';
import type { RealtimeRange } from '../posix/signals.js';

const s = platformConstants.signals;

export const STANDARD_FORWARDED: readonly number[] = [
  s.SIGHUP, s.SIGINT, s.SIGQUIT, s.SIGUSR1, s.SIGUSR2, s.SIGPIPE, s.SIGALRM, s.SIGTERM,
  s.SIGSTKFLT, s.SIGCONT, s.SIGTSTP, s.SIGTTIN, s.SIGTTOU, s.SIGURG, s.SIGXCPU, s.SIGXFSZ,
  s.SIGVTALRM, s.SIGPROF, s.SIGWINCH, s.SIGIO, s.SIGPWR,
].filter((n): n is number => typeof n === 'number');

/** The signals to catch and pass on; realtime ones only when asked (-r). */
export function forwardedSignals(realtime: boolean, range: RealtimeRange): number[] {
  const list = [...STANDARD_FORWARDED];
  if (realtime) for (let n = range.min; n <= range.max; n++) list.push(n);
  return list;
}
