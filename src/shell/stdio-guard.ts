// The init's standard streams belong to its command. Reading process.stdout,
// process.stderr or process.stdin makes Node open the descriptor as a libuv
// stream: for a pipe that switches it to non-blocking mode, a flag the command
// shares (its writes would then fail with EAGAIN), and opens a spare /dev/null
// descriptor. Libraries do read them at load time (colour detection in meow's
// and winston's dependencies; Readable.pipe compares its destination with them),
// so the init replaces all three with stand-ins that never touch the
// descriptors: writes go out synchronously through a LineWriter (on stderr, in
// the init's log format), reads see nothing.
import { Readable, Writable } from 'node:stream';
import { formatLine, processLogFormat } from '../log/format.js';
import { fdLineWriter } from '../log/line-writer.js';
import { terminalGuard } from './terminal-guard.js';

function writableStandIn(fd: number, format: (text: string) => string): Writable {
  const writer = fdLineWriter(fd, terminalGuard(fd));
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      writer.write(format(chunk.toString()));
      done();
    },
  });
  return Object.assign(stream, { fd, isTTY: false });
}

/** What Node itself prints on stderr (its warnings) goes out in the init's log format. */
function asWarnings(text: string): string {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${formatLine(processLogFormat(), 'warn', line)}\n`)
    .join('');
}

export function guardStdio(): void {
  // Each stand-in is made on first use only: most runs never need one.
  const makers: Record<'stdin' | 'stdout' | 'stderr', () => unknown> = {
    stdin: () => Object.assign(new Readable({ read() {} }), { fd: 0, isTTY: false }),
    stdout: () => writableStandIn(1, (text) => text),
    stderr: () => writableStandIn(2, asWarnings),
  };
  for (const [name, make] of Object.entries(makers)) {
    let standIn: unknown;
    Object.defineProperty(process, name, { configurable: true, enumerable: true, get: () => (standIn ??= make()) });
  }
}
