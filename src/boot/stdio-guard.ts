// The init's standard streams belong to its command. Reading process.stdout,
// process.stderr or process.stdin makes Node open the descriptor as a libuv
// stream: for a pipe that switches it to non-blocking mode, a flag the command
// shares (its writes would then fail with EAGAIN), and opens a spare /dev/null
// descriptor that the command would inherit. Libraries read them as they load
// (colour detection in winston's dependencies; koffi's loader, whose
// module namespace copy touches node:util's lazy colour getter on Node 24+), so
// this module, evaluated before any of them, replaces all three with stand-ins
// that never touch the descriptors: writes go to the init's own writers, reads
// see nothing.
// Until the CLI attaches its writers (src/output/, in the log format), a
// stand-in writes plain text at once: before the main loop runs, the init has
// nothing else to do, and nothing can stop its writes yet.
import { writeSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

// node:stream is loaded when a stand-in is first made (most runs never make
// one): loading it costs about 1.5 ms of every start.
const stream = (): typeof import('node:stream') => process.getBuiltinModule('node:stream');

export interface StandardStreams {
  /** What is written to process.stdout. */
  readonly stdout: (text: string) => void;
  /** What Node itself prints on stderr (its warnings), one line at a time. */
  readonly stderrLine: (line: string) => void;
}

const writeNow = (fd: number, text: string): void => {
  try {
    writeSync(fd, text);
  } catch {
    // A descriptor that takes nothing: the text is lost, the init goes on.
  }
};

let streams: StandardStreams = {
  stdout: (text) => writeNow(1, text),
  stderrLine: (line) => writeNow(2, `${line}\n`),
};

/** From now on the stand-ins write through these. */
export function attachStandardStreams(attached: StandardStreams): void {
  streams = attached;
}

function writableStandIn(fd: number, write: (text: string) => void): Writable {
  const standIn = new (stream().Writable)({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      write(chunk.toString());
      done();
    },
  });
  return Object.assign(standIn, { fd, isTTY: false });
}

const makers: Record<'stdin' | 'stdout' | 'stderr', () => unknown> = {
  stdin: (): Readable => Object.assign(new (stream().Readable)({ read() {} }), { fd: 0, isTTY: false }),
  stdout: () => writableStandIn(1, (text) => streams.stdout(text)),
  stderr: () =>
    writableStandIn(2, (text) => {
      for (const line of text.split('\n')) if (line !== '') streams.stderrLine(line);
    }),
};
// Each stand-in is made on first use only: most runs never need one.
for (const [name, make] of Object.entries(makers)) {
  let standIn: unknown;
  Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => (standIn ??= make()) });
}
