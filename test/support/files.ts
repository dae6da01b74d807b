import test from 'ava';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every folder a test file made, removed once its tests are over: a package
// test alone leaves about 100 MB (a packed and installed copy), and a run of
// the suite some 500 folders. DCI_KEEP_TMP=1 keeps them, to look into a failure.
const made: string[] = [];
test.after.always('remove the folders the tests made', () => {
  if (process.env['DCI_KEEP_TMP'] === '1') return;
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Something still writing there is what .ci/run's sweep names; this hook only tidies.
    }
  }
});

/** A fresh folder of the test's own, removed once the test file's tests are over. */
export function tmp(prefix = 'dci-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function readOr(path: string, fallback = ''): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** A shell loop that goes on once the sigrecord helper writing to `log` has its handlers in place. */
export const untilReady = (log: string): string => `until grep -qs ^ready ${log}; do sleep 0.01; done`;
