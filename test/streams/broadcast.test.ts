import test from 'ava';
import { broadcastSigterm, signalsWhileWaiting } from '../../src/streams/operators/broadcast.js';
import { act, config, ev, exited, SIGHUP, SIGINT, SIGTERM } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('the shutdown opens with one SIGTERM broadcast, none with -B', (t) => {
  marbles(t).run(({ expectObservable }) => {
    expectObservable(broadcastSigterm(config())).toBe('(b|)', { b: act.broadcast(SIGTERM) });
    expectObservable(broadcastSigterm(config({ broadcast: false }))).toBe('|');
  });
});

test('while waiting, SIGTERM and SIGINT are broadcast again as SIGTERM; other signals are dropped', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-t-i-h-r', { t: ev.signal(SIGTERM), i: ev.signal(SIGINT), h: ev.signal(SIGHUP), r: ev.reaped([exited(4, 0)]) });
    expectObservable(events.pipe(signalsWhileWaiting(config()))).toBe('-t-i-h', {
      t: act.broadcast(SIGTERM),
      i: act.broadcast(SIGTERM),
      h: act.log('debug', 'dropping SIGHUP: waiting for the remaining children to exit', { signal: 'SIGHUP' }),
    });
  });
});

test('with -B nothing is broadcast while waiting either', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-t', { t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(signalsWhileWaiting(config({ broadcast: false })))).toBe('-t', {
      t: act.log('debug', 'dropping SIGTERM: waiting for the remaining children to exit', { signal: 'SIGTERM' }),
    });
  });
});
