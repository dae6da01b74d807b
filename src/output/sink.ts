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
 * What waits is copied into one ring of bytes, at least this large, doubled
 * when it must hold more: one buffer, reused write after write, not one a
 * write (a new buffer a write is memory outside V8's heap, which kept V8's
 * full collections running under a flood of labelled output), nor thousands
 * of small ones (which V8 moved to its old space, some 20 MiB more than the
 * bytes themselves under a reader that never reads).
 */
const RING_BYTES = 64 * 1024;
/** A ring that grew past this is let go once it is empty: the memory of a burst goes back. */
const KEEP_BYTES = 256 * 1024;
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
  // The queue: ring[start, start + queued), wrapping around the ring's end.
  let ring: Buffer | undefined;
  let start = 0;
  let queued = 0;
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

  /**
   * One write of `piece`: how many of its bytes are done with (written, or
   * lost to an error), or 'blocked'. A reader that is gone (EPIPE) ends all
   * writing: everything is done with.
   */
  const attempt = (piece: Buffer): number | 'blocked' => {
    const result = writeOnce(piece);
    if ('written' in result) return result.written;
    if ('blocked' in result) return 'blocked';
    if (result.errno === EPIPE) {
      // Nobody will ever read this descriptor again: nothing more is written to it.
      if (destination!.raisesSigpipe) selfInflicted?.note(SIGPIPE);
      broken = true;
      return Number.POSITIVE_INFINITY;
    }
    if (result.errno === EFBIG) selfInflicted?.note(SIGXFSZ);
    // A write that fails for another reason (EIO from a hung-up terminal, EFBIG) loses that piece, not the rest.
    return piece.length;
  };

  /** The waiting bytes, in order, copied to the front of `target`. */
  const copyQueue = (target: Buffer): void => {
    if (queued === 0) return;
    const first = Math.min(queued, ring!.length - start);
    target.set(ring!.subarray(start, start + first), 0);
    if (first < queued) target.set(ring!.subarray(0, queued - first), first);
  };

  /** Queues a copy of `bytes` behind what waits. */
  const enqueue = (bytes: Buffer): void => {
    const size = ring?.length ?? 0;
    if (queued + bytes.length > size) {
      let grown = Math.max(size, RING_BYTES);
      while (grown < queued + bytes.length) grown *= 2;
      const next = Buffer.allocUnsafe(grown);
      copyQueue(next);
      ring = next;
      start = 0;
    }
    const end = (start + queued) % ring!.length;
    const first = Math.min(bytes.length, ring!.length - end);
    ring!.set(bytes.subarray(0, first), end);
    if (first < bytes.length) ring!.set(bytes.subarray(first), 0);
    queued += bytes.length;
  };

  /** The next piece to write: the front of the queue, up to the ring's end or WRITE_BYTES. */
  const nextPiece = (): Buffer => ring!.subarray(start, start + Math.min(queued, ring!.length - start, WRITE_BYTES));

  const consume = (count: number): void => {
    queued -= Math.min(count, queued);
    start = queued === 0 ? 0 : (start + count) % ring!.length;
    if (queued === 0 && ring!.length > KEEP_BYTES) ring = undefined;
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
      const done = attempt(nextPiece());
      if (done === 'blocked') return waitForRoom();
      consume(done);
    }
    notify();
  }

  return {
    write(bytes, force = false) {
      if (broken) return true;
      if (!force && queued + bytes.length > BOUND_BYTES) return false;
      let rest = bytes;
      // Nothing waits: the bytes go out as they are, and only what the
      // descriptor did not take is copied. The caller may reuse its buffer
      // (a labelled read is a view of memory the labeller reuses, wasm-labeller.ts).
      while (queued === 0 && !waiting && rest.length > 0) {
        const done = attempt(rest.subarray(0, WRITE_BYTES));
        if (done === 'blocked') break;
        rest = rest.subarray(Math.min(done, rest.length));
      }
      if (broken || rest.length === 0) return true;
      const wasEmpty = queued === 0;
      enqueue(rest);
      if (waiting) return true;
      if (wasEmpty) waitForRoom();
      else pump();
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
