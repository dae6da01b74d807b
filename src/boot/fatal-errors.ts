// Evaluated before anything else: an error nothing else caught (a native addon
// that cannot be loaded, a bug) ends the init with one line in the log format
// and status 1, never with Node's dump of the minified source and a stack trace.
import { writeSync } from 'node:fs';
import { textLine } from '../log/format.js';

process.on('uncaughtException', (error: unknown) => {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  try {
    writeSync(2, `${textLine('error', `cannot go on: ${message}`)}\n`);
  } finally {
    process.exit(1);
  }
});
