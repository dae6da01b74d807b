import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder of the test's own. */
export const tmp = (prefix = 'dci-'): string => mkdtempSync(join(tmpdir(), prefix));

export function readOr(path: string, fallback = ''): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** A shell loop that goes on once the sigrecord helper writing to `log` has its handlers in place. */
export const untilReady = (log: string): string => `until grep -qs ^ready ${log}; do sleep 0.01; done`;
