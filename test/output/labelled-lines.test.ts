// Labelled lines (SPEC §19) against a plain statement of the rule: every
// line, and a last one without its newline, goes out with the label; a line
// longer than 16 KiB in labelled pieces of 16 KiB; the bytes as they are.
// However the output was cut into reads, the same bytes come out (the fast
// path for chunks of short lines and the line-by-line one must agree).
import test from 'ava';
import { labelledLines, MAX_LINE_BYTES } from '../../src/output/labelled-lines.js';

/** The rule, written out: split at newlines, cut the long ones, label each piece. */
function expected(prefix: string, output: Buffer): Buffer {
  const pieces: Buffer[] = [];
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(0x0a, at);
    const end = newline === -1 ? output.length : newline;
    const line = output.subarray(at, end);
    if (line.length === 0) pieces.push(Buffer.from(`${prefix}\n`));
    for (let from = 0; from < line.length; from += MAX_LINE_BYTES) {
      pieces.push(Buffer.from(prefix), line.subarray(from, Math.min(from + MAX_LINE_BYTES, line.length)), Buffer.from('\n'));
    }
    at = end + 1;
  }
  return Buffer.concat(pieces);
}

/** What labelledLines writes for `output` read in chunks of the given sizes (repeated). */
function labelled(name: string, width: number, output: Buffer, sizes: number[]): Buffer {
  const lines = labelledLines(name, width, 'stdout', 'text');
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < output.length; i++) {
    const size = sizes[i % sizes.length]!;
    // A reused buffer, as the pipe reader hands it on: what is kept must be copied.
    const chunk = Buffer.from(output.subarray(at, at + size));
    out.push(...lines.push(chunk));
    chunk.fill(0x21);
    at += size;
  }
  out.push(...lines.end());
  return Buffer.concat(out);
}

/** A pseudo-random generator with a seed, so that a failure can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

test('lines of every length, cut into reads of every size, come out as the rule says', (t) => {
  const lengths = [0, 1, 99, 8191, 8192, 8193, MAX_LINE_BYTES - 1, MAX_LINE_BYTES, MAX_LINE_BYTES + 1, 2 * MAX_LINE_BYTES, 2 * MAX_LINE_BYTES + 5, 100_000];
  for (let seed = 1; seed <= 40; seed++) {
    const next = random(seed);
    const parts: Buffer[] = [];
    for (let i = 0; i < 30; i++) {
      const length = next() < 0.7 ? Math.floor(next() * 200) : lengths[Math.floor(next() * lengths.length)]!;
      // Every byte value but the newline, the high ones too: nothing is decoded.
      parts.push(Buffer.from(Array.from({ length }, (_, j) => (j * 7 + seed) % 255 === 10 ? 11 : (j * 7 + seed) % 255 + 1)), Buffer.from('\n'));
    }
    if (seed % 2 === 0) parts.push(Buffer.from('a last line without its newline'));
    const output = Buffer.concat(parts);
    const sizes = [1 + Math.floor(next() * 300_000), 1 + Math.floor(next() * 70_000), 1 + Math.floor(next() * 100)];
    const got = labelled('web', 5, output, sizes);
    t.true(got.equals(expected('web   | ', output)), `seed ${seed}, reads of ${sizes.join(', ')} bytes`);
  }
});

test('a chunk of many short lines and one long line in its middle: the long one still goes out in pieces', (t) => {
  const short = Buffer.from('x'.repeat(99) + '\n');
  const output = Buffer.concat([...Array(300).fill(short), Buffer.from('y'.repeat(3 * MAX_LINE_BYTES + 10) + '\n'), ...Array(300).fill(short)]);
  t.true(labelled('db', 2, output, [256 * 1024]).equals(expected('db | ', output)));
});

test('a line just too long, wherever it starts in a read among short lines, goes out in two pieces', (t) => {
  const short = Buffer.from('x'.repeat(99) + '\n');
  for (let offset = 0; offset < 20_000; offset += 997) {
    const output = Buffer.concat([Buffer.from('z'.repeat(offset) + '\n'), Buffer.from('y'.repeat(MAX_LINE_BYTES + 1) + '\n'), ...Array(100).fill(short)]);
    t.true(labelled('db', 2, output, [output.length]).equals(expected('db | ', output)), `after a line of ${offset} bytes`);
  }
});

test('a name with a dollar sign is written as it is, not read as a replacement pattern', (t) => {
  const output = Buffer.from('one\ntwo\nthree\n');
  t.is(labelled('a$&b', 4, output, [output.length]).toString(), 'a$&b | one\na$&b | two\na$&b | three\n');
});

test('JSON: one object a line, with the service, the stream and the line', (t) => {
  const lines = labelledLines('web', 3, 'stderr', 'json');
  const out = Buffer.concat([...lines.push(Buffer.from('héllo\nwor')), ...lines.push(Buffer.from('ld\n')), ...lines.end()]).toString();
  const objects = out.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
  t.deepEqual(objects.map(({ service, stream, line }) => ({ service, stream, line })), [
    { service: 'web', stream: 'stderr', line: 'héllo' },
    { service: 'web', stream: 'stderr', line: 'world' },
  ]);
});
