// Evaluated right after the stdio stand-ins. From this moment the init catches
// SIGCHLD and every standard signal it forwards, through the libuv handles it
// keeps for the rest of its life (syscalls/signal-handles.ts). There is no
// hand-over from a start-up catcher to a later one, in which a receipt could
// fall between two handles (libuv delivers a receipt to the handles that
// existed when it came). JavaScript sees a receipt only once the main script
// has returned to the event loop; until the supervisor subscribes, receipts
// wait here, in order.
// SIGTERM and SIGINT that came even earlier, while Node.js itself started,
// hit Node's one-shot start-up handler, which resets the signal to its default
// as it fires: that is read back before the init's handles replace it.
// Module state on purpose: it has to exist before the rest of the init loads.
import { fail } from './fatal-errors.js';
import { STANDARD_FORWARDED } from '../streams/forwarded-signals.js';
import { SIGCHLD, SIGINT, SIGTERM } from '../posix/signals.js';
import { listenSignal } from '../syscalls/signal-handles.js';
import { signalsLostAtStartup } from '../syscalls/signals-lost-at-startup.js';

const lostAtStartup: number[] = [];
const waiting: number[] = [];
let deliver = (signal: number): void => {
  waiting.push(signal);
};
const caught = new Set<number>();

function catchSignal(signal: number): void {
  if (caught.has(signal)) return;
  caught.add(signal);
  // SIGCHLD's handle is what keeps the event loop alive: the init sleeps until a signal comes.
  listenSignal(signal, (number) => deliver(number), { keepAlive: signal === SIGCHLD });
}

try {
  // SIGTERM and SIGINT first, each read back right before its handle replaces
  // Node's: a few microseconds in which one could still be missed, instead of
  // the time it takes to start every other handle.
  for (const signal of [SIGTERM, SIGINT]) {
    lostAtStartup.push(...signalsLostAtStartup([signal]));
    catchSignal(signal);
  }
  for (const signal of [SIGCHLD, ...STANDARD_FORWARDED]) catchSignal(signal);
} catch (error) {
  // An init that cannot catch signals cannot do its job: one line, and out.
  fail(error instanceof Error ? error.message : String(error));
}

export interface EarlySignals {
  /** SIGTERM and SIGINT that reached Node's own start-up handler before the init's code ran. */
  readonly lostAtStartup: readonly number[];
  /** Catches these too, from now on (realtime signals, with -r or -p). */
  catchAlso(signals: Iterable<number>): void;
  /** Hands every receipt so far, in order, and every later one, to `handler`. Once. */
  deliverTo(handler: (signal: number) => void): void;
}

export const earlySignals: EarlySignals = {
  lostAtStartup,
  catchAlso(signals) {
    for (const signal of signals) catchSignal(signal);
  },
  deliverTo(handler) {
    deliver = handler;
    for (const signal of waiting.splice(0)) handler(signal);
  },
};
