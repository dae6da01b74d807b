import test from 'ava';
import { commandSignals } from '../../src/streams/operators/command-signals.js';
import { ev, exited, SIGHUP, SIGTERM, SIGUSR1 } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('signals that arrive before the spawn result are held, then released in order', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-h-u-s---t', { h: ev.signal(SIGHUP), u: ev.signal(SIGUSR1), s: ev.spawned(7), t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(commandSignals())).toBe('-----(hu)t', {
      h: { signal: SIGHUP, pid: 7 },
      u: { signal: SIGUSR1, pid: 7 },
      t: { signal: SIGTERM, pid: 7 },
    });
  });
});

test('it completes when the command has been reaped; later signals are not its concern', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s-a-h-b-h', {
      s: ev.spawned(7),
      a: ev.reaped([exited(12, 0)]),
      h: ev.signal(SIGHUP),
      b: ev.reaped([exited(12, 0), exited(7, 0)]),
    });
    expectObservable(events.pipe(commandSignals())).toBe('----h-|', { h: { signal: SIGHUP, pid: 7 } });
  });
});

test('held signals are released with no pid when the command cannot start', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-h-f-h', { h: ev.signal(SIGHUP), f: ev.spawnFailed(127) });
    expectObservable(events.pipe(commandSignals())).toBe('---(x|)', { x: { signal: SIGHUP, pid: null } });
  });
});
