// The reap source: one pass of the reap loop per event-loop turn, whatever the
// number of triggers; empty passes that teach nothing are not emitted. On real
// turns of the event loop, and in marbles with the TestScheduler standing for
// the turn (its subscriptions checked).
import test from 'ava';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ignoreElements, merge, tap } from 'rxjs';
import type { InitEvent } from '../../src/streams/events.js';
import { reapPasses, type ReapPass } from '../../src/streams/sources/reap-passes.js';
import { exited } from '../support/fixtures.js';
import { at, marbles, subscribedUntil } from '../support/marbles.js';

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

test('marbles: the first pass at the subscription; the requests of one frame served by one pass after them; none after the unsubscription', (t) => {
  const scheduler = marbles(t);
  let runs = 0;
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const passes: ReapPass[] = [
      { exits: [exited(1, 0)], childless: false },
      { exits: [exited(2, 0)], childless: false },
      { exits: [exited(3, 0), exited(4, 0)], childless: false },
      NOTHING,
    ];
    const source = reapPasses(() => passes[runs++] ?? NOTHING, scheduler);
    // SIGCHLDs (or the pipeline's sweeps) ask for passes: three at frame 5 get one.
    const requests = hot(at(2, 'a', 5, 'bbb', 10, 'c', 14, 'd'));
    const driven = merge(source.passes, requests.pipe(tap(() => source.request()), ignoreElements()));
    expectObservable(driven, subscribedUntil(12)).toBe(at(0, 'w', 2, 'x', 5, 'y'), {
      w: { kind: 'reaped', exits: [exited(1, 0)], childless: false },
      x: { kind: 'reaped', exits: [exited(2, 0)], childless: false },
      y: { kind: 'reaped', exits: [exited(3, 0), exited(4, 0)], childless: false },
    });
    expectSubscriptions(requests.subscriptions).toBe(subscribedUntil(12));
  });
  t.is(runs, 4, 'the pass at 10 ran (and told nothing); the request at 14 came after the unsubscription');
});
