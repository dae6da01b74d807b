// Reads a pipe of the init's as its writers write (a poll handle on its read
// end, syscalls/poll-handle.ts), handing each chunk on (a view, good until the
// next read); it can be paused, so
// that a writer is held back while its output cannot go anywhere (SPEC §19),
// and it says when every writer is gone.
import { closeDescriptor, readSome } from '../syscalls/pipe.js';
import { pollReadable } from '../syscalls/poll-handle.js';

/**
 * How much one read takes at most: what is made of a read (labelled-lines.ts)
 * then stays below V8's large-object size, each of which costs a mapping of
 * its own (measured: 64 KiB reads, 20 % less CPU a line than 120 KiB ones).
 */
const READ_BYTES = 64 * 1024;

export interface PipeReader {
  pause(): void;
  resume(): void;
  /** Reads what is there now, without waiting, and stops: the reader is done with the pipe. */
  finish(): void;
}

export function readPipe(fd: number, onData: (bytes: Buffer) => void, onEnd: () => void): PipeReader {
  const buffer = Buffer.alloc(READ_BYTES);
  let done = false;
  let paused = false;
  const end = (): void => {
    if (done) return;
    done = true;
    handle.close(() => closeDescriptor(fd));
    onEnd();
  };
  const drain = (): void => {
    while (!done && !paused) {
      const result = readSome(fd, buffer);
      if (result === 'again') return;
      if (typeof result !== 'number') return end();
      // A view of the buffer, good until the next read: what is kept is copied.
      onData(buffer.subarray(0, result));
    }
  };
  const handle = pollReadable(fd, drain);
  handle.start();
  return {
    pause() {
      if (done || paused) return;
      paused = true;
      handle.stop();
    },
    resume() {
      if (done || !paused) return;
      paused = false;
      handle.start();
      drain();
    },
    finish() {
      paused = false;
      drain();
      end();
    },
  };
}
