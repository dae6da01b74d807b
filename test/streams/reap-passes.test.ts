// The reap source: one pass of the reap loop per event-loop turn, whatever the
// number of triggers; empty passes that teach nothing are not emitted.
import test from 'ava';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { InitEvent } from '../../src/streams/events.js';
import { reapPasses, type ReapPass } from '../../src/streams/sources/reap-passes.js';
import { exited } from '../support/fixtures.js';

function harness(passes: ReapPass[]) {
  const events: InitEvent[] = [];
  let runs = 0;
  const source = reapPasses(() => passes[runs++] ?? { exits: [], childless: false });
  const subscription = source.passes.subscribe((e) => events.push(e));
  return { request: () => source.request(), events, runs: () => runs, unsubscribe: () => subscription.unsubscribe() };
}

const NOTHING: ReapPass = { exits: [], childless: false };

test('the first pass runs at subscription: zombies that were already there are reaped at once', (t) => {
  const { events, runs } = harness([{ exits: [exited(3, 0)], childless: true }]);
  t.is(runs(), 1);
  t.deepEqual(events, [{ kind: 'reaped', exits: [exited(3, 0)], childless: true }]);
});

test('a thousand requests in one turn run the reap loop once, after the turn', async (t) => {
  const { request, events, runs } = harness([NOTHING, { exits: [exited(5, 0)], childless: false }]);
  for (let i = 0; i < 1000; i++) request();
  t.is(runs(), 1, 'nothing more runs inside the turn that asked (no re-entry)');
  await nextTurn();
  t.is(runs(), 2);
  t.deepEqual(events, [{ kind: 'reaped', exits: [exited(5, 0)], childless: false }]);
});

test('requests in separate turns get separate passes', async (t) => {
  const { request, runs } = harness([]);
  request();
  await nextTurn();
  request();
  await nextTurn();
  t.is(runs(), 3);
});

test('a pass with no exit and children left is not emitted; one that finds no child at all is', async (t) => {
  const { request, events } = harness([NOTHING, NOTHING, { exits: [], childless: true }]);
  request();
  await nextTurn();
  request();
  await nextTurn();
  t.deepEqual(events, [{ kind: 'reaped', exits: [], childless: true }]);
});

test('a pass that stopped on an error says why, before what it reaped', (t) => {
  const { events } = harness([{ exits: [exited(3, 0)], childless: false, error: 'waitpid(-1): Interrupted' }]);
  t.deepEqual(events, [
    { kind: 'note', level: 'error', message: 'waitpid(-1): Interrupted' },
    { kind: 'reaped', exits: [exited(3, 0)], childless: false },
  ]);
});

test('after the unsubscription a request runs nothing, and a pending one is cancelled', async (t) => {
  const { request, runs, unsubscribe } = harness([]);
  request();
  unsubscribe();
  request();
  await nextTurn();
  t.is(runs(), 1, 'only the first pass, at subscription');
});
