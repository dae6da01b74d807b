import test from 'ava';
import { waitUntilChildless } from '../../src/streams/operators/wait-all.js';
import { act, ev, exited } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('asks for a sweep, then completes at the first pass that finds no child at all', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('c-^-a-b-c-c', {
      a: ev.reaped([exited(5, 0)], false),
      b: ev.reaped([], false),
      c: ev.reaped([exited(6, 0)], true),
    });
    // The childless pass before the subscription (^) does not count: a child may have been adopted since.
    expectObservable(waitUntilChildless(events)).toBe('s-----|', { s: act.sweep() });
  });
});
