// Signal numbers for the tests: the platform's table, plus glibc's realtime range.
import { constants } from 'node:os';

export const { SIGHUP, SIGINT, SIGQUIT, SIGKILL, SIGUSR1, SIGUSR2, SIGTERM, SIGCHLD, SIGCONT } = constants.signals;
/** glibc keeps 32 and 33 for itself: its SIGRTMIN is 34, SIGRTMAX 64. */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;
/** The standard signals SPEC §4 names as forwarded (SIGTERM aside: it ends most commands). */
export const FORWARDED_STANDARD: Readonly<Record<string, number>> = Object.fromEntries(
  ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGSTKFLT', 'SIGCONT', 'SIGTSTP', 'SIGTTIN',
    'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR'].map((name) => [name, constants.signals[name as NodeJS.Signals]]),
);
