// The services' output (SPEC §19): each service whose output is labelled gets
// a pipe for its stdout and one for its stderr; the init reads both and writes
// every line, labelled, to its own stdout and stderr (src/output/). When the
// init's own descriptor has no room and its queue is full, reading stops, so
// that the service is held back by its full pipe, never the init; reading goes
// on once there is room.
import type { LogFormat } from '../output/format.js';
import { labelledLines } from '../output/labelled-lines.js';
import type { Sink } from '../output/sink.js';
import type { StandardSinks } from '../output/standard-sinks.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { SyscallError } from '../syscalls/errors.js';
import { closeDescriptor, makePipe } from '../syscalls/pipe.js';
import { readPipe, type PipeReader } from './pipe-reader.js';

export interface OutputEnds {
  readonly stdout: number;
  readonly stderr: number;
}

export interface ServiceOutput {
  /** The write ends to start service `index` with; undefined when it keeps the init's own descriptors. */
  open(index: number): OutputEnds | SyscallError | undefined;
  /** After its start (or the failure of it): the init lets go of the write ends and reads the others. */
  started(index: number, ends: OutputEnds, ok: boolean): void;
  /**
   * Reads no pipe started from now on until the function returned is called;
   * what the programs write waits in their pipes meanwhile. Following a pipe
   * took 0.08 ms a service, which the programs started at once would each
   * have waited for (effects/start-up.ts).
   */
  holdReads(): () => void;
  /** Reads what every pipe holds now and writes it: before the init's last lines. */
  drainAll(): void;
}

export function serviceOutput(config: SupervisorConfig, sinks: StandardSinks, format: LogFormat): ServiceOutput {
  const labelled = config.services.filter((service) => service.launch.output === 'labelled');
  const width = Math.max(0, ...labelled.map((service) => service.name.length));
  const pending = new Map<number, { stdout: number; stderr: number }>();
  const readers = new Set<PipeReader>();
  let held: Array<() => void> | undefined;

  const follow = (fd: number, sink: Sink, name: string, stream: 'stdout' | 'stderr'): void => {
    const lines = labelledLines(name, width, stream, format);
    const write = (out: Buffer[]): void => {
      if (out.length > 0) sink.write(out.length === 1 ? out[0]! : Buffer.concat(out), true);
      if (!sink.hasRoom()) {
        reader.pause();
        sink.whenRoom(() => reader.resume());
      }
    };
    const reader: PipeReader = readPipe(
      fd,
      (bytes) => write(lines.push(bytes)),
      () => {
        readers.delete(reader);
        write(lines.end());
      },
    );
    readers.add(reader);
  };

  return {
    open(index) {
      if (config.services[index]!.launch.output !== 'labelled') return undefined;
      const out = makePipe();
      if (out instanceof Error) return out;
      const err = makePipe();
      if (err instanceof Error) {
        closeDescriptor(out.read);
        closeDescriptor(out.write);
        return err;
      }
      pending.set(index, { stdout: out.read, stderr: err.read });
      return { stdout: out.write, stderr: err.write };
    },
    started(index, ends, ok) {
      closeDescriptor(ends.stdout);
      closeDescriptor(ends.stderr);
      const reads = pending.get(index)!;
      pending.delete(index);
      if (!ok) {
        closeDescriptor(reads.stdout);
        closeDescriptor(reads.stderr);
        return;
      }
      const { name } = config.services[index]!;
      const read = (): void => {
        follow(reads.stdout, sinks.stdout, name, 'stdout');
        follow(reads.stderr, sinks.stderr, name, 'stderr');
      };
      if (held) held.push(read);
      else read();
    },
    holdReads() {
      held ??= [];
      return () => {
        const waiting = held ?? [];
        held = undefined;
        for (const read of waiting) read();
      };
    },
    drainAll() {
      for (const reader of [...readers]) reader.finish();
    },
  };
}
