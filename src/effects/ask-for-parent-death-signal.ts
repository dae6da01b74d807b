// -p SIGNAL (SPEC §8): ask the kernel to send SIGNAL to the init when its
// parent dies. A parent that died before the request was made has already
// handed the init to another (its ppid changed), and the kernel will never send
// the signal: that case is reported to the caller, which makes the signal up.
import type { InitEvent } from '../streams/events.js';
import { setParentDeathSignal } from '../syscalls/prctl.js';

export interface ParentDeath {
  /** The parent is already gone: the signal will never come. */
  readonly gone: boolean;
  readonly notes: readonly InitEvent[];
}

/** `parentAtStart`: the parent as it was when the init's code first ran. */
export function askForParentDeathSignal(signal: number, label: string, parentAtStart: number): ParentDeath {
  const error = setParentDeathSignal(signal, label);
  if (error) return { gone: false, notes: [{ kind: 'note', level: 'warn', message: `${error.message}; the parent's death will not be signalled` }] };
  return { gone: process.ppid !== parentAtStart, notes: [] };
}
