// The init's log (SPEC §5), through winston, which is loaded on the first line.
// It writes every line it is given: which levels are shown is decided before
// (the pipeline drops the others). The transport writes each line
// synchronously (see line-writer.ts).
import { Writable } from 'node:stream';
import type { LogFields, LogLevel } from '../streams/events.js';
import { formatLine, type LogFormat } from './format.js';
import { fdLineWriter, type LineWriter } from './line-writer.js';
import { loadWinston } from './winston.cjs';

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
  /** At exit: what the writer still has to say (lines it had to drop). */
  finish(): void;
}

function buildWinston(format: LogFormat, writer: LineWriter): (level: LogLevel, message: string, fields?: LogFields) => void {
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
    level: 'debug',
    levels: { error: 0, warn: 1, info: 2, debug: 3 },
    format: winston.format.printf(({ level, message, ...fields }) =>
      formatLine(format, level as LogLevel, String(message), fields as LogFields),
    ),
    transports: [new winston.transports.Stream({ stream, eol: '\n' })],
  });
  return (level, message, fields) => logger.log({ level, message, ...fields });
}

export function createLogger(format: LogFormat = 'text', writer: LineWriter = fdLineWriter(2)): Logger {
  let write: ((level: LogLevel, message: string, fields?: LogFields) => void) | undefined;
  return {
    log(level, message, fields) {
      write ??= buildWinston(format, writer);
      write(level, message, fields);
    },
    finish: () => writer.finish(),
  };
}
