// Writes whole lines to a descriptor synchronously, so that a line logged right
// before exit is on its way before the process ends. It never opens
// process.stderr: that would make libuv switch the descriptor to non-blocking
// mode, and the command shares that descriptor's flags.
//
// A descriptor nobody reads (a full pipe) must never stop the init (SPEC §14):
// with `waitWritable`, each line waits at most WRITE_BOUND_MS for room; a line
// that gets none is dropped and counted, and so is every line after it until
// there is room again at once, when one line says how many were lost (or at
// the end, `finish`). Lines go out in pieces of at most PIPE_BUF bytes, which a
// pipe with room takes whole, without blocking.
import { writeSync } from 'node:fs';
import { SIGPIPE, SIGXFSZ } from '../posix/signals.js';
import type { SelfInflictedSignals } from './self-inflicted-signals.js';

const WRITE_BOUND_MS = 250;
const PIPE_BUF = 4096;

export interface LineWriter {
  /** Writes text that ends with a newline. */
  write(text: string): void;
  /** At exit: says how many lines were dropped, if any were. */
  finish(): void;
}

/** Wraps each write (to block terminal stop signals around it, say). */
export type WriteGuard = <T>(write: () => T) => T;

export interface LineWriterOptions {
  readonly guard?: WriteGuard | undefined;
  /** Learns of the SIGPIPE or SIGXFSZ a failed write raised. */
  readonly selfInflicted?: SelfInflictedSignals | undefined;
  /** Waits up to `ms` for room to write (poll); without it, writes block as the descriptor does. */
  readonly waitWritable?: ((fd: number, ms: number) => boolean) | undefined;
  /** The line that reports `count` dropped lines. */
  readonly dropReport?: ((count: number) => string) | undefined;
}

export function fdLineWriter(fd: number, options: LineWriterOptions = {}): LineWriter {
  const { guard, selfInflicted, waitWritable, dropReport } = options;
  let broken = false;
  let dropped = 0;
  const writeOnce = (bytes: Buffer): number => (guard ? guard(() => writeSync(fd, bytes)) : writeSync(fd, bytes));

  /** True when all of it went out (or never will: EPIPE). */
  const put = (text: string, boundMs: number): boolean => {
    const deadline = Date.now() + boundMs;
    let bytes = Buffer.from(text);
    while (bytes.length > 0 && !broken) {
      if (waitWritable && !waitWritable(fd, Math.max(0, deadline - Date.now()))) return false;
      try {
        bytes = bytes.subarray(writeOnce(bytes.subarray(0, PIPE_BUF)));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          // A non-blocking descriptor (the command may have set it so): wait for room within the bound.
          if (waitWritable && Date.now() < deadline) continue;
          return false;
        }
        if (code === 'EPIPE') {
          // Nobody will ever read this descriptor again; stop writing to it.
          selfInflicted?.note(SIGPIPE);
          broken = true;
        } else if (code === 'EFBIG') {
          selfInflicted?.note(SIGXFSZ);
        }
        return true;
      }
    }
    return true;
  };

  const report = (boundMs: number): boolean => {
    if (dropped === 0 || !dropReport) return true;
    if (!put(dropReport(dropped), boundMs)) return false;
    dropped = 0;
    return true;
  };

  return {
    write(text) {
      if (broken) return;
      // After a drop, the next line waits for nothing: the log stays blocked until there is room at once.
      if (dropped > 0 && !(waitWritable?.(fd, 0) ?? true)) {
        dropped += 1;
        return;
      }
      if (!report(WRITE_BOUND_MS) || !put(text, WRITE_BOUND_MS)) dropped += 1;
    },
    finish() {
      if (!broken) report(WRITE_BOUND_MS);
    },
  };
}
