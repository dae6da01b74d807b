import test from 'ava';
import { routeSignals } from '../../src/streams/operators/route-signals.js';
import { act, config, SIGHUP, SIGRTMIN, SIGTERM } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('without -g every signal, SIGTERM included, goes to the command pid', (t) => {
  marbles(t).run(({ cold, expectObservable }) => {
    const items = cold('a----b', { a: { signal: SIGTERM, pid: 7 }, b: { signal: SIGHUP, pid: 7 } });
    expectObservable(items.pipe(routeSignals(config()))).toBe('(lf)-(mg)', {
      l: act.log('debug', 'forwarding SIGTERM to pid 7', { signal: 'SIGTERM', target: 7 }),
      f: act.forward(SIGTERM, 7),
      m: act.log('debug', 'forwarding SIGHUP to pid 7', { signal: 'SIGHUP', target: 7 }),
      g: act.forward(SIGHUP, 7),
    });
  });
});

test('with -g SIGTERM goes to the process group, other signals to the pid', (t) => {
  marbles(t).run(({ cold, expectObservable }) => {
    const items = cold('a----b', { a: { signal: SIGTERM, pid: 7 }, b: { signal: SIGHUP, pid: 7 } });
    expectObservable(items.pipe(routeSignals(config({ signalGroup: true })))).toBe('(lf)-(mg)', {
      l: act.log('debug', 'forwarding SIGTERM to process group 7', { signal: 'SIGTERM', target: -7 }),
      f: act.forward(SIGTERM, -7),
      m: act.log('debug', 'forwarding SIGHUP to pid 7', { signal: 'SIGHUP', target: 7 }),
      g: act.forward(SIGHUP, 7),
    });
  });
});

test('a signal for a command that never started, or one not forwarded, is dropped with a debug line', (t) => {
  marbles(t).run(({ cold, expectObservable }) => {
    const items = cold('a-b', { a: { signal: SIGHUP, pid: null }, b: { signal: SIGRTMIN, pid: 7 } });
    expectObservable(items.pipe(routeSignals(config()))).toBe('a-b', {
      a: act.log('debug', 'dropping SIGHUP: the command never started', { signal: 'SIGHUP' }),
      b: act.log('debug', 'not forwarding SIGRTMIN', { signal: 'SIGRTMIN' }),
    });
  });
});

test('with debug off, the forwarding carries no log line at all', (t) => {
  marbles(t).run(({ cold, expectObservable }) => {
    const items = cold('a', { a: { signal: SIGHUP, pid: 7 } });
    expectObservable(items.pipe(routeSignals(config({ logLevel: 'info' })))).toBe('a', { a: act.forward(SIGHUP, 7) });
  });
});
