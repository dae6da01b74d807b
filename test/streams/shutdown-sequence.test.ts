import test from 'ava';
import { shutdownSequence } from '../../src/streams/operators/shutdown-sequence.js';
import { act, config, ev, exited, SIGHUP, SIGTERM } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

const start = { reason: 'received SIGTERM', status: 0 };

test('announce, broadcast, sweep, handle signals while waiting, exit once no child is left', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const starts = hot('-x', { x: start });
    const events = hot('--------a-t-h-c', {
      a: ev.reaped([exited(5, 0)], false),
      t: ev.signal(SIGTERM),
      h: ev.signal(SIGHUP),
      c: ev.reaped([exited(6, 0)], true),
    });
    expectObservable(starts.pipe(shutdownSequence(config(), events))).toBe('-(lbws)---t-h-(ex|)', {
      l: act.log('info', 'shutting down: received SIGTERM'),
      b: act.broadcast(SIGTERM),
      w: act.log('info', 'waiting for every child to exit'),
      s: act.sweep(),
      t: act.broadcast(SIGTERM),
      h: act.log('debug', 'dropping SIGHUP: waiting for the remaining children to exit', { signal: 'SIGHUP' }),
      e: act.log('info', 'exiting with status 0', { exitCode: 0 }),
      x: act.exit(0),
    });
  });
});

test('-B: no broadcast at the start nor for a SIGTERM while waiting', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const starts = hot('-x', { x: { reason: 'r', status: 3 } });
    const events = hot('-------t-c', { t: ev.signal(SIGTERM), c: ev.reaped([], true) });
    expectObservable(starts.pipe(shutdownSequence(config({ broadcast: false }), events))).toBe('-(lws)-t-(ex|)', {
      l: act.log('info', 'shutting down: r'),
      w: act.log('info', 'waiting for every child to exit'),
      s: act.sweep(),
      t: act.log('debug', 'dropping SIGTERM: waiting for the remaining children to exit', { signal: 'SIGTERM' }),
      e: act.log('info', 'exiting with status 3', { exitCode: 3 }),
      x: act.exit(3),
    });
  });
});

test('-W: exit at once, without broadcast or wait', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const starts = hot('-x', { x: { reason: 'r', status: 3 } });
    const events = hot('---c', { c: ev.reaped([], true) });
    expectObservable(starts.pipe(shutdownSequence(config({ waitForChildren: false, broadcast: false }), events))).toBe(
      '-(lex|)',
      {
        l: act.log('info', 'shutting down: r'),
        e: act.log('info', 'exiting with status 3', { exitCode: 3 }),
        x: act.exit(3),
      },
    );
  });
});
