// A service's output, labelled line by line as `docker compose up` prints it
// (SPEC §19): `name | line`, the names padded to one width; or, with
// --log-format json, one object per line with the service, the stream, the
// line and the time. In text the bytes pass as they are (nothing is decoded
// or re-encoded); JSON holds text, so there a line is read as UTF-8. A line
// longer than MAX_LINE_BYTES goes out in pieces, each labelled; a last line
// without a newline goes out when the stream ends. Nothing is dropped here:
// the sink's room is the writer's concern (service-output.ts waits for it).
import type { LogFormat } from './format.js';

/** The longest piece of a line that goes out with one label (Docker's own log lines split at 16 KiB). */
export const MAX_LINE_BYTES = 16 * 1024;

const NEWLINE = 0x0a;

export interface LabelledLines {
  /** Takes a chunk as it was read; returns the labelled lines it completed, ready to write. */
  push(bytes: Buffer): Buffer[];
  /** The stream ended: the last line, if one was left without its newline. */
  end(): Buffer[];
}

export function labelledLines(name: string, width: number, stream: 'stdout' | 'stderr', format: LogFormat): LabelledLines {
  const prefix = Buffer.from(`${name.padEnd(width)} | `);
  const label = (line: Buffer): Buffer =>
    format === 'json'
      ? Buffer.from(`${JSON.stringify({ service: name, stream, line: line.toString('utf8'), time: new Date().toISOString() })}\n`)
      : Buffer.concat([prefix, line, Buffer.from('\n')]);
  let partial = Buffer.alloc(0);
  return {
    push(bytes) {
      const out: Buffer[] = [];
      let data = partial.length === 0 ? bytes : Buffer.concat([partial, bytes]);
      for (;;) {
        const newline = data.indexOf(NEWLINE);
        if (newline === -1 || newline > MAX_LINE_BYTES) {
          if (data.length <= MAX_LINE_BYTES) break;
          out.push(label(data.subarray(0, MAX_LINE_BYTES)));
          data = data.subarray(MAX_LINE_BYTES);
          continue;
        }
        out.push(label(data.subarray(0, newline)));
        data = data.subarray(newline + 1);
      }
      partial = Buffer.from(data);
      return out;
    },
    end() {
      if (partial.length === 0) return [];
      const last = label(partial);
      partial = Buffer.alloc(0);
      return [last];
    },
  };
}
