// The WebAssembly module's bytes in the tree (src/output/label-wasm.ts) are
// the ones its source (label.wat) assembles to: a change to one without the
// other fails here.
import test from 'ava';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LABEL_WASM } from '../../src/output/label-wasm.js';
import { ROOT } from '../support/paths.js';

test('label-wasm.ts holds what label.wat assembles to (node scripts/wasm.mjs makes it)', async (t) => {
  const { assemble } = (await import(pathToFileURL(join(ROOT, 'scripts/wasm.mjs')).href)) as { assemble(file: string): Promise<Buffer> };
  const bytes = await assemble(join(ROOT, 'src/output/label.wat'));
  t.is(LABEL_WASM, bytes.toString('base64'));
});
