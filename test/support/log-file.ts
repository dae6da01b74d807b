// A file for the init's stderr, for tests that count its log lines. A file
// never makes a writer wait; a pipe whose reader (the test process) is busy
// for a moment, scanning /proc say, would make the init rightly drop lines
// (SPEC §14; see integration/hardened.test.ts).
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from './files.js';
import { logLines } from './init.js';

export interface LogFile {
  /** The descriptor to give the init as its stderr. */
  readonly fd: number;
  /** Everything written so far. */
  text(): string;
  /** The log lines written so far. */
  lines(): string[];
}

export function logFile(): LogFile {
  const path = join(tmp(), 'stderr');
  const text = (): string => readFileSync(path, 'utf8');
  return { fd: openSync(path, 'w'), text, lines: () => logLines(text()) };
}
