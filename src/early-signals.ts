// The first module the CLI evaluates. Node.js takes tens of milliseconds to
// load the init's code; a signal that arrives meanwhile would meet no handler
// of ours: as PID 1 it is dropped, SIGUSR1 would even start Node's debugger.
// So the standard signals are caught from this very moment and held until the
// supervisor takes over (shell/run.ts), which then replays them in order.
// SIGTERM and SIGINT are left to Node's own start-up handler on purpose: it
// fires once and resets the signal to its default, which the init reads back
// later as proof that one came (syscalls/startup-signals.ts).
import { constants } from 'node:os';

const CAUGHT_EARLY: readonly NodeJS.Signals[] = [
  'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGSTKFLT', 'SIGCONT', 'SIGTSTP',
  'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR',
];

const held: number[] = [];
const listener = (name: NodeJS.Signals): void => {
  held.push(constants.signals[name]);
};
for (const name of CAUGHT_EARLY) process.on(name, listener);

/** Stops catching early and returns what was caught, oldest first. Call once the real listeners are in place. */
export function takeEarlySignals(): number[] {
  for (const name of CAUGHT_EARLY) process.off(name, listener);
  return held.splice(0);
}
