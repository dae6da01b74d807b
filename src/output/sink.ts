// One descriptor the init writes to (its stdout or stderr), and everything
// that is to go out there, in order (SPEC §16). A write never waits: what the
// descriptor cannot take now waits in memory and goes out as soon as it can
// (writable-waiter.ts says when), so that no reader, slow or stuck, ever holds
// up reaping, forwarding, a timer or the shutdown. The memory is bounded:
// past BOUND_BYTES a write is refused (the init's own log lines are then
// dropped and counted, log-writer.ts; a service's output waits for room,
// which holds the service back, never the init). At exit, flush() waits a
// bounded time for the rest.
import { SIGPIPE, SIGXFSZ } from '../posix/signals.js';
import { EFBIG, EPIPE } from '../posix/errno.js';
import { openDestination, writeWithoutBlocking, type Destination } from '../syscalls/write-without-blocking.js';
import { writableWaiter, type WritableWaiter } from '../syscalls/writable-waiter.js';
import type { SelfInflictedSignals } from './self-inflicted-signals.js';

/** How much may wait in memory for one descriptor (SPEC §16: at least 4 MiB). */
export const BOUND_BYTES = 4 * 1024 * 1024;
/** At most this much goes out in one write. */
const WRITE_BYTES = 256 * 1024;
/**
 * What waits is copied into blocks of at least this size: a few large buffers,
 * not one object per line. Thousands of small buffers that outlive a garbage
 * collection or two are moved to V8's old space, which then grew by some
 * 20 MiB more than the bytes themselves under a reader that never reads.
 */
const BLOCK_BYTES = 64 * 1024;
/** Without an epoll instance (it could not be made), how often a blocked descriptor is tried again. */
const RETRY_MS = 20;

/** Wraps each write (to block terminal stop signals around it, say). */
export type WriteGuard = <T>(write: () => T) => T;

export interface SinkOptions {
  readonly guard?: WriteGuard | undefined;
  /** Learns of the SIGPIPE or SIGXFSZ a failed write raised. */
  readonly selfInflicted?: SelfInflictedSignals | undefined;
}

export interface Sink {
  /**
   * Queues `bytes` in order; false (and nothing queued) when the bound is
   * reached, unless `force`. The caller may reuse `bytes` once this returns:
   * what waits is a copy.
   */
  write(bytes: Buffer, force?: boolean): boolean;
  /** Whether a write would be taken now. */
  hasRoom(): boolean;
  /** Calls `listener` once, when at most half the bound waits again. */
  whenRoom(listener: () => void): void;
  /** Resolves once everything queued has gone out, or `ms` have passed. */
  flush(ms: number): Promise<void>;
  /** Bytes waiting. */
  readonly queued: number;
}

export function createSink(fd: number, options: SinkOptions = {}): Sink {
  const { guard, selfInflicted } = options;
  let destination: Destination | undefined;
  // The queue: chunks[head..] wait, in order (a head index, so that taking
  // from the front costs nothing; the array is compacted now and then).
  let chunks: Buffer[] = [];
  let head = 0;
  let queued = 0;
  // The block being filled: the last chunk is a view of block[blockStart, blockUsed).
  let block: Buffer | undefined;
  let blockStart = 0;
  let blockUsed = 0;
  let broken = false;
  let waiting = false;
  let waiter: WritableWaiter | null | undefined;
  const roomListeners: Array<() => void> = [];
  const drainListeners: Array<() => void> = [];

  const writeOnce = (bytes: Buffer) => {
    destination ??= openDestination(fd);
    const target = destination;
    return guard && target.terminal ? guard(() => writeWithoutBlocking(target, bytes)) : writeWithoutBlocking(target, bytes);
  };

  /** The next piece to write: the first chunks joined, up to WRITE_BYTES. */
  const nextPiece = (): Buffer => {
    const first = chunks[head]!;
    if (first.length >= WRITE_BYTES) return first.subarray(0, WRITE_BYTES);
    if (head + 1 === chunks.length) return first;
    let end = head;
    let size = 0;
    while (end < chunks.length && (end === head || size + chunks[end]!.length <= WRITE_BYTES)) size += chunks[end++]!.length;
    return end === head + 1 ? first : Buffer.concat(chunks.slice(head, end), size);
  };

  /**
   * Queues `bytes`: as they are when nothing waits (they go out at once, or
   * what is left of them is copied: write()), else copied into the block being filled.
   */
  const enqueue = (bytes: Buffer): void => {
    if (chunks.length === head) {
      chunks.push(bytes);
      return;
    }
    if (block === undefined || blockUsed + bytes.length > block.length) {
      block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes.length));
      blockStart = 0;
      blockUsed = 0;
      chunks.push(block.subarray(0, 0));
    }
    block.set(bytes, blockUsed);
    blockUsed += bytes.length;
    chunks[chunks.length - 1] = block.subarray(blockStart, blockUsed);
  };

  const consume = (count: number): void => {
    queued -= count;
    while (count > 0) {
      const first = chunks[head]!;
      if (first.length <= count) {
        head += 1;
        count -= first.length;
      } else {
        chunks[head] = first.subarray(count);
        count = 0;
      }
    }
    if (head === chunks.length) {
      chunks = [];
      head = 0;
      block = undefined;
    } else if (head > 1024 && head * 2 > chunks.length) {
      chunks = chunks.slice(head);
      head = 0;
    }
    // The last chunk, if it is the block being filled, may have lost its front.
    if (block !== undefined) blockStart = blockUsed - chunks[chunks.length - 1]!.length;
  };

  const notify = (): void => {
    if (queued <= BOUND_BYTES / 2) for (const listener of roomListeners.splice(0)) listener();
    if (queued === 0) for (const listener of drainListeners.splice(0)) listener();
  };

  const waitForRoom = (): void => {
    waiting = true;
    if (waiter === undefined) {
      const made = writableWaiter(destination!.writeFd);
      waiter = made instanceof Error ? null : made;
    }
    const resume = (): void => {
      waiting = false;
      pump();
    };
    if (waiter) waiter.wait(resume);
    else setTimeout(resume, RETRY_MS);
  };

  function pump(): void {
    while (queued > 0 && !waiting) {
      const result = writeOnce(nextPiece());
      if ('written' in result) {
        consume(result.written);
        continue;
      }
      if ('blocked' in result) return waitForRoom();
      if (result.errno === EPIPE) {
        // Nobody will ever read this descriptor again: nothing more is written to it.
        if (destination!.raisesSigpipe) selfInflicted?.note(SIGPIPE);
        broken = true;
        consume(queued);
      } else {
        if (result.errno === EFBIG) selfInflicted?.note(SIGXFSZ);
        // A write that fails for another reason (EIO from a hung-up terminal, EFBIG) loses that piece, not the rest.
        consume(Math.min(queued, nextPiece().length));
      }
    }
    notify();
  }

  return {
    write(bytes, force = false) {
      if (broken) return true;
      if (!force && queued + bytes.length > BOUND_BYTES) return false;
      // Nothing waits: the caller's bytes go out as they are, and only what
      // the descriptor did not take is copied (a labelled read is a view of
      // memory the labeller reuses, output/wasm-labeller.ts).
      const borrowed = chunks.length === head;
      enqueue(bytes);
      queued += bytes.length;
      if (!waiting) pump();
      if (borrowed && chunks.length > head) chunks[head] = Buffer.from(chunks[head]!);
      return true;
    },
    hasRoom: () => broken || queued < BOUND_BYTES,
    whenRoom(listener) {
      if (broken || queued <= BOUND_BYTES / 2) listener();
      else roomListeners.push(listener);
    },
    flush(ms) {
      if (queued === 0 || broken) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        drainListeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    get queued() {
      return queued;
    },
  };
}
