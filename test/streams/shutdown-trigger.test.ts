import test from 'ava';
import { shutdownTrigger } from '../../src/streams/operators/shutdown-trigger.js';
import { config, ev, exited, SIGHUP, SIGINT, SIGTERM } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('with a command, its end starts the shutdown and carries its status', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-s-t-b', { s: ev.spawned(7), t: ev.signal(SIGTERM), b: ev.reaped([exited(7, 3)]) });
    expectObservable(events.pipe(shutdownTrigger(config()))).toBe('-----(o|)', {
      o: { reason: 'the command (pid 7) exited with status 3', status: 3 },
    });
  });
});

test('without a command, SIGTERM starts the shutdown with status 0; other signals do not', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-h-t-t', { h: ev.signal(SIGHUP), t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(shutdownTrigger(config({ hasCommand: false })))).toBe('---(o|)', {
      o: { reason: 'received SIGTERM', status: 0 },
    });
  });
});

test('without a command, SIGINT starts the shutdown unless -I', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-i-t', { i: ev.signal(SIGINT), t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(shutdownTrigger(config({ hasCommand: false })))).toBe('-(o|)', {
      o: { reason: 'received SIGINT', status: 0 },
    });
    expectObservable(events.pipe(shutdownTrigger(config({ hasCommand: false, shutdownOnSigint: false })))).toBe('---(o|)', {
      o: { reason: 'received SIGTERM', status: 0 },
    });
  });
});
