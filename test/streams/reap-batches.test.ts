// The reap source: one pass of the reap loop per event-loop turn, whatever the
// number of triggers; empty passes that teach nothing are not emitted.
import test from 'ava';
import { Subject } from 'rxjs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { InitEvent } from '../../src/streams/events.js';
import { reapBatches, type ReapPass } from '../../src/streams/sources/reap-batches.js';
import { exited } from '../support/fixtures.js';

function harness(passes: ReapPass[]) {
  const triggers = new Subject<void>();
  const events: InitEvent[] = [];
  let runs = 0;
  reapBatches(triggers, () => passes[runs++] ?? { exits: [], childless: false }).subscribe((e) => events.push(e));
  return { triggers, events, runs: () => runs };
}

const NOTHING: ReapPass = { exits: [], childless: false };

test('the first pass runs at subscription: zombies that were already there are reaped at once', (t) => {
  const { events, runs } = harness([{ exits: [exited(3, 0)], childless: true }]);
  t.is(runs(), 1);
  t.deepEqual(events, [{ kind: 'reaped', exits: [exited(3, 0)], childless: true }]);
});

test('a thousand triggers in one turn run the reap loop once, after the turn', async (t) => {
  const { triggers, events, runs } = harness([NOTHING, { exits: [exited(5, 0)], childless: false }]);
  for (let i = 0; i < 1000; i++) triggers.next();
  t.is(runs(), 1, 'nothing more runs inside the turn that asked (no re-entry)');
  await nextTurn();
  t.is(runs(), 2);
  t.deepEqual(events, [{ kind: 'reaped', exits: [exited(5, 0)], childless: false }]);
});

test('triggers in separate turns get separate passes', async (t) => {
  const { triggers, runs } = harness([]);
  triggers.next();
  await nextTurn();
  triggers.next();
  await nextTurn();
  t.is(runs(), 3);
});

test('a pass with no exit and children left is not emitted; one that finds no child at all is', async (t) => {
  const { triggers, events } = harness([NOTHING, NOTHING, { exits: [], childless: true }]);
  triggers.next();
  await nextTurn();
  triggers.next();
  await nextTurn();
  t.deepEqual(events, [{ kind: 'reaped', exits: [], childless: true }]);
});
