// Docker's restart backoff (its restart manager): the first restart waits
// 100 ms, each one after twice as long as the one before, up to a minute; a
// run that lasted 10 s or more starts the delay over.
export const FIRST_DELAY_MS = 100;
export const MAX_DELAY_MS = 60_000;
export const RESET_AFTER_MS = 10_000;

/** The delay before the next start, after a run of `ranMs` whose restart (if any) waited `previousMs`. */
export function restartDelay(previousMs: number, ranMs: number): number {
  if (previousMs === 0 || ranMs >= RESET_AFTER_MS) return FIRST_DELAY_MS;
  return Math.min(previousMs * 2, MAX_DELAY_MS);
}
