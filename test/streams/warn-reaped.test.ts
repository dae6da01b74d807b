import test from 'ava';
import { warnReaped } from '../../src/streams/operators/warn-reaped.js';
import { act, config, ev, exited, killed } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('-w: one WARN line per reaped process that was not the command', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('a-s-b', { a: ev.reaped([exited(3, 0)]), s: ev.spawned(7), b: ev.reaped([killed(9, 9), exited(7, 0)]) });
    expectObservable(events.pipe(warnReaped(config({ warnReaped: true })))).toBe('a---b', {
      a: act.log('warn', 'reaped zombie pid 3: exited with status 0'),
      b: act.log('warn', 'reaped zombie pid 9: was killed by SIGKILL'),
    });
  });
});

test('without -w: nothing', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('a', { a: ev.reaped([exited(3, 0)]) });
    expectObservable(events.pipe(warnReaped(config()))).toBe('|');
  });
});
