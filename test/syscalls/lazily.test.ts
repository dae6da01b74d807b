// syscalls/lazily.ts: each property made the first time it is read, once.
import test from 'ava';
import { lazily } from '../../src/syscalls/lazily.js';

test('each maker runs on the first read of its property, and only then, and once', (t) => {
  const runs: string[] = [];
  const made = lazily({
    a: () => (runs.push('a'), { name: 'a' }),
    b: () => (runs.push('b'), 2),
  });
  t.deepEqual(runs, []);
  const first = made.a;
  t.deepEqual(runs, ['a']);
  t.is(made.a, first, 'the same value at every read');
  t.is(made.b, 2);
  t.is(made.b, 2);
  t.deepEqual(runs, ['a', 'b']);
});

test('a name that is not among the makers reads as undefined, inherited ones too, and makes nothing', (t) => {
  let runs = 0;
  const made = lazily({ a: () => ++runs }) as unknown as Record<string, unknown>;
  t.is(made['toString'], undefined);
  t.is(made['b'], undefined);
  t.is(runs, 0);
});
