// The supervise operator itself, in the manner of RxJS's own operator specs:
// a source that is empty, never emits or errors; input that arrives while a
// step's actions are being emitted; a rule that throws; an early unsubscribe.
import test, { type ExecutionContext } from 'ava';
import { map, Subject } from 'rxjs';
import type { Action, InitEvent } from '../../src/streams/events.js';
import { supervise } from '../../src/streams/supervise.js';
import { act, command, config, ev, idle } from '../support/fixtures.js';
import { marbles, subscribedUntil } from '../support/marbles.js';
import { SIGHUP, SIGTERM } from '../support/signals.js';

test('an empty source completes the actions at once, having done nothing', (t) => {
  marbles(t).run(({ cold, expectObservable, expectSubscriptions }) => {
    const events = cold<InitEvent>('|');
    expectObservable(events.pipe(supervise(config()))).toBe('|');
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(0));
  });
});

test('a source that never emits: no action, no end, no timer', (t) => {
  marbles(t).run(({ cold, expectObservable, expectSubscriptions }) => {
    const events = cold<InitEvent>('-');
    expectObservable(events.pipe(supervise(config()))).toBe('-');
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test("a source's error passes through, after the actions before it", (t) => {
  marbles(t).run(({ cold, expectObservable, expectSubscriptions }) => {
    const events = cold<InitEvent>('r--#', { r: ev.ready() }, new Error('reap failed'));
    expectObservable(events.pipe(supervise(config({ logLevel: 'error' })))).toBe('p--#', { p: act.spawn() }, new Error('reap failed'));
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(3));
  });
});

test('a rule that throws ends the actions with its error (the main loop logs it in one line and exits 1)', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const broken = config({
      logLevel: 'error',
      signalName: (signal) => {
        if (signal === SIGHUP) throw new Error('no name for SIGHUP');
        return 'SIGTERM';
      },
    });
    const events = hot('rs-h-t', { r: ev.ready(), s: ev.spawned(7), h: ev.signal(SIGHUP), t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(supervise(broken))).toBe('p--#', { p: act.spawn() }, new Error('no name for SIGHUP'));
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(3));
  });
});

test("input fed back while a step's actions go out waits for that step to end: steps never interleave", (t) => {
  const events = new Subject<InitEvent>();
  const seen: string[] = [];
  const two = config({ logLevel: 'info', services: [command(['a'], { role: 'run' }), command(['b'])] });
  events.pipe(supervise(two)).subscribe((action: Action) => {
    seen.push(action.type === 'log' ? action.message : `${action.type} ${action.type === 'spawn' ? action.service : ''}`.trim());
    // The effects start each program at once and feed its pid back, in the middle of the step.
    if (action.type === 'spawn') events.next(ev.spawned(7 + action.service, action.service));
  });
  events.next(ev.ready());
  t.deepEqual(seen, ['spawn 0', 'spawn 1', 'started command 1 (pid 7: a)', 'started command 2 (pid 8: b)']);
});

/**
 * Runs `events` through supervise, unsubscribed at frame 10; returns how many
 * of the scheduler's timers are still queued at frame 20 (none, once every
 * timer the state held was cancelled).
 */
function unsubscribedEarly(
  t: ExecutionContext,
  cfg: ReturnType<typeof idle>,
  events: string,
  values: Record<string, InitEvent>,
  actions: string,
): number {
  const scheduler = marbles(t);
  let queued = -1;
  scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
    const source = cold<InitEvent>(events, values);
    const types = source.pipe(
      supervise(cfg, scheduler),
      map((action) => action.type),
    );
    expectObservable(types, subscribedUntil(10)).toBe(actions, { l: 'log', b: 'broadcast', w: 'sweep' });
    expectSubscriptions(source.subscriptions).toBe(subscribedUntil(10));
    scheduler.schedule(() => (queued = scheduler.actions.length), 20);
  });
  return queued;
}

test('an early unsubscribe cancels every timer the state holds, and the source is left', (t) => {
  // SIGTERM is held by --delay-term (1 s): only its log line comes before the unsubscribe.
  const cfg = idle({ logLevel: 'info', graceMs: 5_000, delayTermMs: 1_000 });
  t.is(unsubscribedEarly(t, cfg, 's', { s: ev.signal(SIGTERM) }, 'l'), 0, 'the --delay-term timer is cancelled');
});

test('an early unsubscribe during the shutdown cancels the --grace and report timers', (t) => {
  const cfg = idle({ logLevel: 'info', graceMs: 5_000 });
  t.is(unsubscribedEarly(t, cfg, '(sr)', { s: ev.signal(SIGTERM), r: ev.signalled(2) }, '(lbllw)'), 0, '--grace and the "still waiting" report are cancelled');
});
