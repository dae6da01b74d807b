// A service's output, labelled line by line as `docker compose up` prints it
// (SPEC §19): `name | line`, the names padded to one width; or, with
// --log-format json, one object per line with the service, the stream, the
// line and the time. In text the bytes pass as they are (nothing is decoded
// or re-encoded); JSON holds text, so there a line is read as UTF-8. A line
// longer than MAX_LINE_BYTES goes out in pieces, each labelled; a last line
// without a newline goes out when the stream ends. Nothing is dropped here:
// the sink's room is the writer's concern (service-output.ts waits for it).
import type { LogFormat } from './format.js';
import { wasmLabeller } from './wasm-labeller.js';

/** The longest piece of a line that goes out with one label (Docker's own log lines split at 16 KiB). */
export const MAX_LINE_BYTES = 16 * 1024;

const NEWLINE = 0x0a;

// The typed array's own methods, not Buffer's: these are V8 builtins, fast
// even in the init, whose own JavaScript V8 never optimises (src/cli.ts, V8's
// flags); Buffer's indexOf and copy go through JavaScript of Node's first
// (measured: 220 against 600 ns a line of 100 bytes).
const indexOf = Uint8Array.prototype.indexOf;
const lastIndexOf = Uint8Array.prototype.lastIndexOf;

/**
 * A line longer than MAX_LINE_BYTES holds a whole aligned block of this size
 * without a newline; where every block has one, no line is too long.
 */
const BLOCK_BYTES = MAX_LINE_BYTES / 2;

/** Whether every line of data[0, end) is short enough to go out whole (a few builtin calls, not one a line). */
function allShort(data: Buffer, end: number): boolean {
  for (let at = 0; at < end; at += BLOCK_BYTES) {
    const newline = indexOf.call(data, NEWLINE, at);
    if (newline === -1 || newline >= at + BLOCK_BYTES) return false;
  }
  return true;
}

export interface LabelledLines {
  /**
   * Takes a chunk as it was read (it is not kept); returns the labelled lines
   * it completed, ready to write, good until the next push or end (of any
   * stream's: they may be a view of the labeller's memory, reused by each).
   */
  push(bytes: Buffer): Buffer[];
  /** The stream ended: the last line, if one was left without its newline. */
  end(): Buffer[];
}

export function labelledLines(name: string, width: number, stream: 'stdout' | 'stderr', format: LogFormat): LabelledLines {
  const prefix = Buffer.from(`${name.padEnd(width)} | `);
  const json = (line: Buffer): Buffer => Buffer.from(`${JSON.stringify({ service: name, stream, line: line.toString('utf8'), time: new Date().toISOString() })}\n`);
  let partial = Buffer.alloc(0);
  // The partial line and the next read, joined in a buffer of the stream's
  // own, reused: a new one a read (Buffer.concat) is memory outside V8's heap,
  // and 64 KiB of it a read kept V8's full collections running (with the
  // sink's buffers, about a quarter of the init's time under a flood: perf).
  let joined = Buffer.alloc(0);
  const join = (bytes: Buffer): Buffer => {
    const size = partial.length + bytes.length;
    if (joined.length < size) joined = Buffer.allocUnsafe(Math.max(size, 2 * joined.length));
    joined.set(partial, 0);
    joined.set(bytes, partial.length);
    return joined.subarray(0, size);
  };
  // The same label as one-byte text, and what each newline but the last becomes.
  const prefixText = prefix.toString('latin1');
  const newlineThenPrefix = `\n${prefixText}`.replaceAll('$', '$$$$');

  /**
   * Text, lines none of which is too long: labelled in one pass of native
   * code, not the init's JavaScript once a line. By the WebAssembly module
   * (wasm-labeller.ts); without it, the bytes as one-byte text (each byte one
   * character, so nothing is decoded), every newline followed by the label in
   * one regular-expression pass, back to bytes (lines of 100 bytes, in reads
   * of 64 KiB, measured with the init's V8 flags: about 20 against 3.6
   * million a second for a loop over the lines).
   */
  const labelShort = (data: Buffer, last: number): Buffer[] => {
    partial = Buffer.from(data.subarray(last + 1));
    const labelled = wasmLabeller()?.label(prefix, data, last + 1);
    if (labelled !== undefined) return [labelled];
    const text = data.toString('latin1', 0, last);
    return [Buffer.from(`${prefixText}${text.replace(/\n/g, newlineThenPrefix)}\n`, 'latin1')];
  };

  /** The labelled lines of `data` that are complete (or too long to wait for), in one buffer; what is left stays partial. */
  const label = (data: Buffer, final: boolean): Buffer[] => {
    if (format === 'text' && !final) {
      const last = lastIndexOf.call(data, NEWLINE);
      if (last !== -1 && data.length - last - 1 <= MAX_LINE_BYTES && allShort(data, last)) return labelShort(data, last);
    }
    // First where each piece ends, then one buffer of the right size, filled in one pass.
    const ends: number[] = [];
    let at = 0;
    for (;;) {
      const newline = indexOf.call(data, NEWLINE, at);
      const limit = at + MAX_LINE_BYTES;
      if (newline !== -1 && newline <= limit) {
        ends.push(newline);
        at = newline + 1;
      } else if (data.length - at > MAX_LINE_BYTES) {
        ends.push(-limit); // a piece of a longer line: no newline of its own to skip
        at = limit;
      } else break;
    }
    if (final && at < data.length) {
      ends.push(-data.length);
      at = data.length;
    }
    partial = Buffer.from(data.subarray(at));
    if (ends.length === 0) return [];
    if (format === 'json') {
      let from = 0;
      return ends.map((end) => {
        const line = json(data.subarray(from, Math.abs(end)));
        from = end < 0 ? -end : end + 1;
        return line;
      });
    }
    let size = 0;
    let from = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i]!;
      size += prefix.length + (end < 0 ? -end : end) - from + 1;
      from = end < 0 ? -end : end + 1;
    }
    const out = Buffer.allocUnsafe(size);
    let to = 0;
    from = 0;
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i]!;
      const stop = end < 0 ? -end : end;
      out.set(prefix, to);
      to += prefix.length;
      out.set(data.subarray(from, stop), to);
      to += stop - from;
      out[to++] = NEWLINE;
      from = end < 0 ? -end : end + 1;
    }
    return [out];
  };

  return {
    push: (bytes) => label(partial.length === 0 ? bytes : join(bytes), false),
    end: () => (partial.length === 0 ? [] : label(partial, true)),
  };
}
