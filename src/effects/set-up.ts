// What the init does to itself before its main loop runs, and what it has to
// say about it: the code cache's state, running under another init, the child
// subreaper, the parent-death signal, and the signal pipes widened.
import { codeCacheState, type CodeCacheState } from '../boot/launcher-contract.js';
import type { InitEvent } from '../streams/events.js';
import type { OpenFd } from '../syscalls/descriptors.js';
import { becomeChildSubreaper } from '../syscalls/prctl.js';
import { SIGNAL_MESSAGE_BYTES, widenSignalPipes } from '../syscalls/signal-pipe.js';
import { askForParentDeathSignal } from './ask-for-parent-death-signal.js';

export interface SetUpPlan {
  /** Not PID 1: orphans of the init's tree are to be re-parented to it. */
  readonly subreaper: boolean;
  /** Without -D, why the init may run without being PID 1 (under-another-init.ts). */
  readonly underAnotherInit: string | undefined;
  /** -p: the signal the kernel is to send the init when its parent dies, and its name. */
  readonly parentDeathSignal: { readonly signal: number; readonly name: string } | undefined;
  /** The init's parent when its code first ran. */
  readonly parentAtStart: number;
  /** For the log: how the services file was parsed, now or from the value an earlier start kept (services-file/parse-note.ts); undefined without one, or where nothing is kept. */
  readonly servicesFileParse: string | undefined;
  /** The descriptors open at start-up (effects/scan-inherited-descriptors.ts): libuv's signal pipes among them. */
  readonly openAtStart: readonly OpenFd[];
}

/** What the log says of a code cache in `state`. */
export const CODE_CACHE_NOTES: Readonly<Record<CodeCacheState, string>> = {
  read: "compiled from V8's code cache",
  rejected: "V8 rejected its code cache (made by another Node.js?): a new one is made once start-up is over, where it can be written",
  none: "no code cache yet: one is made once start-up is over, where it can be written",
};

const note = (level: 'warn' | 'info' | 'debug', message: string): InitEvent => ({ kind: 'note', level, message });

/** `notes` for the log; `alsoReceived`: signals to handle as if sent (a parent-death signal whose moment has passed). */
export function setUp(plan: SetUpPlan): { notes: InitEvent[]; alsoReceived: number[] } {
  const notes: InitEvent[] = [];
  const alsoReceived: number[] = [];
  const cache = codeCacheState();
  if (cache !== undefined) notes.push(note('debug', CODE_CACHE_NOTES[cache]));
  if (plan.servicesFileParse !== undefined) notes.push(note('debug', plan.servicesFileParse));
  if (plan.underAnotherInit !== undefined) notes.push(note('info', `not PID 1, but ${plan.underAnotherInit}: running as with -D`));
  if (plan.subreaper) {
    const error = becomeChildSubreaper();
    if (error) notes.push(note('warn', `${error.message}; orphans will not be re-parented to the init`));
  }
  const death = plan.parentDeathSignal;
  if (death !== undefined) {
    const asked = askForParentDeathSignal(death.signal, death.name, plan.parentAtStart);
    notes.push(...asked.notes);
    // The parent died before the kernel was asked: the signal will never come, so it is made up.
    if (asked.gone) alsoReceived.push(death.signal);
  }
  const widened = widenSignalPipes(plan.openAtStart);
  for (const error of widened.errors) notes.push(note('warn', `${error.message}: more than 4096 signals pending at once would be lost`));
  if (widened.widened > 0) notes.push(note('debug', `room for ${widened.bytes / SIGNAL_MESSAGE_BYTES} pending signals`));
  return { notes, alsoReceived };
}
