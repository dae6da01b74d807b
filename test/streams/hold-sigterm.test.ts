import test from 'ava';
import { holdSigterm } from '../../src/streams/operators/hold-sigterm.js';
import { ev, SIGHUP, SIGTERM } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

const held = { kind: 'held', signal: SIGTERM, ms: 5 } as const;

test('a SIGTERM is held for the delay; other signals pass at once', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable }) => {
    const events = hot('-t-h------', { t: ev.signal(SIGTERM), h: ev.signal(SIGHUP) });
    expectObservable(events.pipe(holdSigterm(5, scheduler))).toBe('-x-h--t', { x: held, h: ev.signal(SIGHUP), t: ev.signal(SIGTERM) });
  });
});

test('a second SIGTERM during the delay acts at once, the held one first', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable }) => {
    const events = hot('-t-t-------', { t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(holdSigterm(5, scheduler))).toBe('-x-(tt)', { x: held, t: ev.signal(SIGTERM) });
  });
});

test('after a release, the next SIGTERM is held again', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable }) => {
    const events = hot('t---------t--------', { t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(holdSigterm(5, scheduler))).toBe('x----t----x----t', { x: held, t: ev.signal(SIGTERM) });
  });
});

test('no delay: nothing is held', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-t', { t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(holdSigterm(0))).toBe('-t', { t: ev.signal(SIGTERM) });
  });
});
