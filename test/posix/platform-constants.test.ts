// The platform's numbers as the init reads them (the binding node:os reads,
// without loading node:os) are node:os's own, on the line the tests run on
// (npm test runs on each line, and on arm64: docs/testing.md).
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { constants } from 'node:os';
import { platformConstants } from '../../src/posix/platform-constants.js';

test("errno and signal numbers are node:os's, every one of them", (t) => {
  t.deepEqual({ ...platformConstants.errno }, { ...constants.errno });
  t.deepEqual({ ...platformConstants.signals }, { ...constants.signals });
});

test('they come without loading node:os', (t) => {
  // process.moduleLoadList names each built-in module once it has loaded. This
  // test loaded node:os itself, so a node of its own is asked.
  const module = new URL('../../src/posix/platform-constants.js', import.meta.url).href;
  const script = `const { platformConstants } = await import(${JSON.stringify(module)});
console.log(JSON.stringify({ term: platformConstants.signals.SIGTERM, os: process.moduleLoadList.filter((name) => name === 'NativeModule os') }));`;
  const seen = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString()) as { term: number; os: string[] };
  t.is(seen.term, constants.signals.SIGTERM);
  t.deepEqual(seen.os, []);
});
