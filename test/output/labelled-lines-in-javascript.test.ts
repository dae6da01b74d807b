// The same checks as labelled-lines.test.ts where WebAssembly cannot run (a
// node started --jitless has none): the JavaScript path labels every read.
import test from 'ava';
import { wasmLabeller } from '../../src/output/wasm-labeller.js';
import { declareLabellingChecks } from '../support/labelled.js';

// Before the first labelled read, which is when the module would be made.
Reflect.deleteProperty(globalThis, 'WebAssembly');

declareLabellingChecks(test);

test('there is no WebAssembly module here: the JavaScript path ran', (t) => {
  t.is(wasmLabeller(), undefined);
});
