// Labelled lines (SPEC §19) against a plain statement of the rule: every
// line, and a last one without its newline, goes out with the label; a line
// longer than 16 KiB in labelled pieces of 16 KiB; the bytes as they are.
// However the output was cut into reads, the same bytes come out (the fast
// path for chunks of short lines and the line-by-line one must agree). The
// fast path runs in WebAssembly here; labelled-lines-in-javascript.test.ts
// runs the same checks where there is none.
import test from 'ava';
import { labelledLines } from '../../src/output/labelled-lines.js';
import { wasmLabeller } from '../../src/output/wasm-labeller.js';
import { declareLabellingChecks } from '../support/labelled.js';

declareLabellingChecks(test);

test('the fast path here is the WebAssembly module', (t) => {
  t.not(wasmLabeller(), undefined);
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
