// The init's log (SPEC §5), through winston once the init is idle. Loading
// winston takes 15 to 20 ms, and neither a command's start nor a container's
// exit should wait for it (issue 26): until then a line is formatted here by
// the same formatLine that winston's format calls, so that the bytes are the
// same either way, and the order too (both write at once, to one writer).
// The CLI loads it a while after start-up where lines are expected (-v);
// without -v, the few lines (warnings, errors) never need it. It writes every line it is given: which levels are
// shown is decided before (the pipeline drops the others). Each line goes to
// a line writer (log-writer.ts), which never waits.
import type { LogFields, LogLevel } from '../streams/events.js';
import { formatLine, type LogFormat } from './format.js';
import type { LineWriter } from './log-writer.js';
import { loadWinston } from './winston.cjs';

export interface Logger {
  /** `final`: a line of the exit, never dropped (log-writer.ts). */
  log(level: LogLevel, message: string, fields?: LogFields, final?: boolean): void;
  /** Loads winston after `idleMs` (the timer does not keep the init alive). */
  loadMachinery(idleMs: number): void;
}

const FINAL = Symbol('final');
type Entry = (level: LogLevel, message: string, fields: LogFields | undefined, final: boolean) => void;

function buildWinston(format: LogFormat, writer: LineWriter): Entry {
  const winston = loadWinston();
  const MESSAGE = Symbol.for('message');
  // A transport of the init's own: it hands each formatted line to the writer, at once.
  const Transport = (winston as unknown as { Transport: typeof import('winston-transport') }).Transport;
  class LineTransport extends Transport {
    override log(info: Record<string | symbol, unknown>, next: () => void): void {
      writer.write(`${String(info[MESSAGE])}\n`, info[FINAL] === true);
      next();
    }
  }
  const logger = winston.createLogger({
    level: 'debug',
    levels: { error: 0, warn: 1, info: 2, debug: 3 },
    format: winston.format.printf(({ level, message, ...fields }) => formatLine(format, level as LogLevel, String(message), fields as LogFields)),
    transports: [new LineTransport()],
  });
  return (level, message, fields, final) => logger.log({ level, message, ...fields, ...(final ? { [FINAL]: true } : {}) });
}

export function createLogger(format: LogFormat, writer: LineWriter): Logger {
  let entry: Entry = (level, message, fields, final) => writer.write(`${formatLine(format, level, message, fields)}\n`, final);
  return {
    log(level, message, fields, final = false) {
      entry(level, message, fields, final);
    },
    loadMachinery(idleMs) {
      setTimeout(() => (entry = buildWinston(format, writer)), idleMs).unref();
    },
  };
}
