import test from 'ava';
import { ignoreIdleSignals } from '../../src/streams/operators/idle-signals.js';
import { act, config, ev, exited, SIGHUP, SIGINT, SIGTERM } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('without a command, signals that do not start shutdown are logged at debug level and ignored', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-h-t-i-r', { h: ev.signal(SIGHUP), t: ev.signal(SIGTERM), i: ev.signal(SIGINT), r: ev.reaped([exited(3, 0)]) });
    expectObservable(events.pipe(ignoreIdleSignals(config({ hasCommand: false })))).toBe('-h', {
      h: act.log('debug', 'ignoring SIGHUP: there is no command to forward it to', { signal: 'SIGHUP' }),
    });
    expectObservable(events.pipe(ignoreIdleSignals(config({ hasCommand: false, shutdownOnSigint: false })))).toBe('-h---i', {
      h: act.log('debug', 'ignoring SIGHUP: there is no command to forward it to', { signal: 'SIGHUP' }),
      i: act.log('debug', 'ignoring SIGINT: there is no command to forward it to', { signal: 'SIGINT' }),
    });
  });
});
