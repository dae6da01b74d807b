// The README documents every option the way -h does: spelling, and when to use it.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONS, spelling } from '../../src/cli/options.js';
import { ROOT } from '../support/paths.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const plain = readme.replaceAll('`', '');

for (const spec of OPTIONS) {
  test(`README documents ${spelling(spec)} as -h does`, (t) => {
    const flag = spec.value === undefined ? spelling(spec) : `${spelling(spec)} ${spec.value}`;
    t.true(readme.includes(`| \`${flag}\` |`), `a table row for ${flag}`);
    if (spec.example !== undefined) t.true(plain.includes(spec.example), `its example: ${spec.example}`);
  });
}
