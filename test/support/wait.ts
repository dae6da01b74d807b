import { setTimeout as sleep } from 'node:timers/promises';
import { readOr } from './files.js';

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Lines of a sigrecord log other than "ready", as signal numbers. */
export function recordedSignals(path: string): number[] {
  return readOr(path)
    .split('\n')
    .filter((line) => line !== '' && line !== 'ready')
    .map(Number);
}

/** Waits until `read` has returned the same value for `quietMs`, and returns it. */
export async function waitForStable<T>(what: string, read: () => T, quietMs = 300, timeoutMs = 60_000): Promise<T> {
  let last = read();
  let since = Date.now();
  return waitFor(
    what,
    () => {
      const now = read();
      if (now !== last) {
        last = now;
        since = Date.now();
        return undefined;
      }
      return Date.now() - since >= quietMs ? { value: now } : undefined;
    },
    timeoutMs,
  ).then((found) => found.value);
}

/** waitFor with a check that is asynchronous (asking a process, say). */
export async function waitForAsync<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}
