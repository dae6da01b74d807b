// -p SIGNAL (SPEC §8): ask the kernel to send SIGNAL to the init when its
// parent dies. A parent that died before the request was made has already
// handed the init to another (its ppid changed), and the kernel will never send
// the signal: that case is reported to the caller, which makes the signal up.
import type { Logger } from '../log/logger.js';
import { setParentDeathSignal } from '../syscalls/prctl.js';

// The parent as it was when the init's code first ran.
const parentAtStart = process.ppid;

/** Returns true when the parent is already gone. */
export function askForParentDeathSignal(signal: number, label: string, logger: Logger): boolean {
  const error = setParentDeathSignal(signal, label);
  if (error) {
    logger.log('warn', `${error.message}; the parent's death will not be signalled`);
    return false;
  }
  return process.ppid !== parentAtStart;
}
