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
