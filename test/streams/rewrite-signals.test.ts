import test from 'ava';
import { rewriteSignals } from '../../src/streams/operators/rewrite-signals.js';
import { routeSignals } from '../../src/streams/operators/route-signals.js';
import { act, config, SIGHUP, SIGINT, SIGTERM, SIGUSR1 } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

const SIGQUIT = 3;

test('FROM goes out as TO, TO 0 drops it, the rest passes unchanged', (t) => {
  marbles(t).run(({ cold, expectObservable }) => {
    const rewrites = new Map([[SIGTERM, SIGQUIT], [SIGUSR1, 0]]);
    const items = cold('a-b-c', { a: { signal: SIGTERM, pid: 7 }, b: { signal: SIGUSR1, pid: 7 }, c: { signal: SIGHUP, pid: 7 } });
    expectObservable(items.pipe(rewriteSignals({ rewrites }))).toBe('a-b-c', {
      a: { signal: SIGQUIT, pid: 7, original: SIGTERM },
      b: { signal: 0, pid: 7, original: SIGUSR1 },
      c: { signal: SIGHUP, pid: 7 },
    });
  });
});

test('routed after the rewrite: the new signal, to the group with -g when it is SIGTERM; a dropped one is logged', (t) => {
  marbles(t).run(({ cold, expectObservable }) => {
    const cfg = config({ signalGroup: true, rewrites: new Map([[SIGINT, SIGTERM], [SIGUSR1, 0]]) });
    const items = cold('a----b', { a: { signal: SIGINT, pid: 7 }, b: { signal: SIGUSR1, pid: 7 } });
    expectObservable(items.pipe(rewriteSignals(cfg), routeSignals(cfg))).toBe('(lf)-d', {
      l: act.log('debug', 'forwarding SIGTERM (for SIGINT, --rewrite) to process group 7', { signal: 'SIGTERM', target: -7 }),
      f: act.forward(SIGTERM, -7),
      d: act.log('debug', 'dropping SIGUSR1 (--rewrite)', { signal: 'SIGUSR1' }),
    });
  });
});
