// Evaluated before anything else: an error nothing else caught (a native addon
// that cannot be loaded, a bug) ends the init with one line in the log format
// and status 1, never with Node's dump of the minified source and a stack trace.
// The line is written at once, synchronously: the init is about to exit and
// has nothing else to do. (Everything else goes through src/output/.)
import { writeSync } from 'node:fs';
import { textLine } from '../output/format.js';

/** One error line on stderr, then exit 1. */
export function fail(message: string): never {
  try {
    writeSync(2, `${textLine('error', message.split('\n')[0]!)}\n`);
  } catch {
    // stderr is gone: the status says it.
  }
  process.exit(1);
}

process.on('uncaughtException', (error: unknown) => fail(`cannot go on: ${error instanceof Error ? error.message : String(error)}`));
