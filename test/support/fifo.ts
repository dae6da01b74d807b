// A FIFO for the init's stderr (or stdout) that the test reads when it
// chooses: a reader that is slow, stopped, or never reads at all. The init
// gets a write end; the test holds the read end, non-blocking.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from './files.js';

export interface Fifo {
  /** The write end to hand to the init (close it in the test once the init has it). */
  readonly writer: number;
  /**
   * Fills the pipe up, so that the next write would block: made first as
   * large as the init makes a pipe it writes to (256 KiB), or the init would
   * find room in it.
   */
  fill(): void;
  /** How much the pipe holds (F_GETPIPE_SZ); with `bytes`, made to hold that much first (F_SETPIPE_SZ). */
  size(bytes?: number): number;
  /** Reads what is there now (a pipe that was filled gives its filler back first); true once every writer is gone. */
  drain(): boolean;
  /** Everything read so far, but for the filler. */
  text(): string;
  /** Whether what was read so far (a filler aside) holds `text` in its last bytes. */
  endsWith(text: string): boolean;
  close(): void;
}

const FILLER = 0x2e; // '.'
/** What the init makes a pipe it writes to hold (src/syscalls/pipe.ts). */
export const PIPE_BYTES = 256 * 1024;

export function fifo(): Fifo {
  const path = join(tmp(), 'fifo');
  spawnSync('mkfifo', [path]);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const writer = openSync(path, constants.O_WRONLY);
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 20);
  const size = (bytes?: number): number => {
    // Node has no fcntl: python3 opens the FIFO again, which is the same pipe.
    const script = `import fcntl, os, sys\nfd = os.open(sys.argv[1], os.O_WRONLY | os.O_NONBLOCK)\nif len(sys.argv) > 2: fcntl.fcntl(fd, 1031, int(sys.argv[2]))\nprint(fcntl.fcntl(fd, 1032))`;
    const result = spawnSync('python3', ['-c', script, path, ...(bytes === undefined ? [] : [String(bytes)])], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`F_GETPIPE_SZ of ${path}: ${result.stderr}`);
    return Number(result.stdout.trim());
  };
  return {
    writer,
    size,
    fill() {
      size(PIPE_BYTES);
      const filler = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        for (;;) writeSync(filler, Buffer.alloc(4096, FILLER));
      } catch {
        // EAGAIN: full
      } finally {
        closeSync(filler);
      }
    },
    drain() {
      for (;;) {
        let n: number;
        try {
          n = readSync(reader, buffer, 0, buffer.length, null);
        } catch {
          return false; // EAGAIN: writers remain, nothing to read now
        }
        if (n === 0) return true;
        chunks.push(Buffer.from(buffer.subarray(0, n)));
      }
    },
    text: () => Buffer.concat(chunks).toString('latin1').replace(/^\.+/, ''),
    endsWith(text) {
      const tail = Buffer.concat(chunks.slice(-2)).toString('latin1');
      return tail.includes(text);
    },
    close: () => closeSync(reader),
  };
}
