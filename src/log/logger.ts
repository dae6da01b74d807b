// The init's log (SPEC §5), through winston. A level that is off costs one
// comparison; winston itself is loaded on the first line that is shown. The
// transport writes each line synchronously (see line-writer.ts).
import { Writable } from 'node:stream';
import type { LogFields, LogLevel } from '../streams/events.js';
import { isLogged } from '../streams/events.js';
import { formatLine, type LogFormat } from './format.js';
import { fdLineWriter, type LineWriter } from './line-writer.js';
import { loadWinston } from './winston.cjs';

export interface Logger {
  readonly threshold: LogLevel;
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

function buildWinston(threshold: LogLevel, format: LogFormat, writer: LineWriter): (level: LogLevel, message: string, fields?: LogFields) => void {
  const winston = loadWinston();
  // winston's Stream transport hands each formatted line to this stream, whose
  // write completes synchronously.
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      writer.write(chunk.toString());
      done();
    },
  });
  const logger = winston.createLogger({
    level: threshold,
    levels: { error: 0, warn: 1, info: 2, debug: 3 },
    format: winston.format.printf(({ level, message, ...fields }) =>
      formatLine(format, level as LogLevel, String(message), fields as LogFields),
    ),
    transports: [new winston.transports.Stream({ stream, eol: '\n' })],
  });
  return (level, message, fields) => logger.log({ level, message, ...fields });
}

export function createLogger(threshold: LogLevel, format: LogFormat = 'text', writer: LineWriter = fdLineWriter(2)): Logger {
  let write: ((level: LogLevel, message: string, fields?: LogFields) => void) | undefined;
  return {
    threshold,
    log(level, message, fields) {
      if (!isLogged(level, threshold)) return;
      write ??= buildWinston(threshold, format, writer);
      write(level, message, fields);
    },
  };
}
