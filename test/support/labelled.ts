// The rule of labelled lines (SPEC §19) written out, and labelledLines run over
// an output cut into reads: for test/output/labelled-lines*.test.ts.
import type { TestFn } from 'ava';
import { labelledLines, MAX_LINE_BYTES } from '../../src/output/labelled-lines.js';

/** The rule, written out: split at newlines, cut the long ones, label each piece. */
export function expected(prefix: string, output: Buffer): Buffer {
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
export function labelled(name: string, width: number, output: Buffer, sizes: number[]): Buffer {
  const lines = labelledLines(name, width, 'stdout', 'text');
  const out: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < output.length; i++) {
    const size = sizes[i % sizes.length]!;
    // A reused buffer, as the pipe reader hands it on: what is kept must be copied.
    const chunk = Buffer.from(output.subarray(at, at + size));
    // Each result is good until the next push (a view of the labeller's memory): kept as a copy, as the sink keeps one.
    out.push(...lines.push(chunk).map((piece) => Buffer.from(piece)));
    chunk.fill(0x21);
    at += size;
  }
  out.push(...lines.end());
  return Buffer.concat(out);
}

/** A pseudo-random generator with a seed, so that a failure can be run again. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}


/** The checks every labelling path must pass, declared on `test` (the file's own). */
export function declareLabellingChecks(test: TestFn): void {
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

  test('two streams labelled by turns, each read written before the next: each keeps its own label', (t) => {
    const web = labelledLines('web', 6, 'stdout', 'text');
    const worker = labelledLines('worker', 6, 'stderr', 'text');
    const out: string[] = [];
    for (let i = 0; i < 50; i++) {
      out.push(...web.push(Buffer.from(`w${i}a\nw${i}b\n`)).map(String));
      out.push(...worker.push(Buffer.from(`k${i}\n`)).map(String));
    }
    const want = Array.from({ length: 50 }, (_, i) => `web    | w${i}a\nweb    | w${i}b\nworker | k${i}\n`).join('');
    t.is(out.join(''), want);
  });

  test('a read of empty lines under a long label (more than the WebAssembly module may grow to) still comes out whole', (t) => {
    const name = 'n'.repeat(100);
    const output = Buffer.alloc(64 * 1024, 0x0a);
    t.true(labelled(name, 100, output, [output.length]).equals(expected(`${name} | `, output)));
  });
}
