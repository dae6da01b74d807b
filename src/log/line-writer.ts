// Writes whole lines to a descriptor synchronously, so that a line logged right
// before exit is on its way before the process ends. It never opens
// process.stderr: that would make libuv switch the descriptor to non-blocking
// mode, and the command shares that descriptor's flags.
import { writeSync } from 'node:fs';
import { SIGPIPE, SIGXFSZ } from '../posix/signals.js';
import type { SelfInflictedSignals } from './self-inflicted-signals.js';

const RETRIES_WHEN_FULL = 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));

export interface LineWriter {
  /** Writes text that ends with a newline. */
  write(text: string): void;
}

/** Wraps each write (to block terminal stop signals around it, say). */
export type WriteGuard = <T>(write: () => T) => T;

/** `selfInflicted` learns of the SIGPIPE or SIGXFSZ a failed write raised. */
export function fdLineWriter(fd: number, guard?: WriteGuard, selfInflicted?: SelfInflictedSignals): LineWriter {
  let broken = false;
  const writeOnce = (bytes: Buffer): number => (guard ? guard(() => writeSync(fd, bytes)) : writeSync(fd, bytes));
  return {
    write(text: string): void {
      if (broken) return;
      let bytes = Buffer.from(text);
      let retries = 0;
      while (bytes.length > 0) {
        try {
          bytes = bytes.subarray(writeOnce(bytes));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN' && retries++ < RETRIES_WHEN_FULL) {
            // A non-blocking descriptor whose reader is slow: wait 1 ms and retry.
            Atomics.wait(pause, 0, 0, 1);
            continue;
          }
          if (code === 'EPIPE') {
            // Nobody will ever read this descriptor again; stop writing to it.
            selfInflicted?.note(SIGPIPE);
            broken = true;
          } else if (code === 'EFBIG') {
            selfInflicted?.note(SIGXFSZ);
          }
          return;
        }
      }
    },
  };
}
