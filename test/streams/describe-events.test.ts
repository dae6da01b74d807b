import test from 'ava';
import { describeEvents } from '../../src/streams/operators/describe-events.js';
import { act, config, ev, exited, killed, SIGHUP } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('start, start failure, every signal and every reaped pid get their log line', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-s-f-h-r', {
      s: ev.spawned(7),
      f: ev.spawnFailed(127, 'nope'),
      h: ev.signal(SIGHUP),
      r: ev.reaped([exited(8, 0), killed(9, 9)]),
    });
    expectObservable(events.pipe(describeEvents(config()))).toBe('-s-f-h-(ab)', {
      s: act.log('info', 'started the command as pid 7'),
      f: act.log('error', 'cannot run "nope": No such file or directory', { exitCode: 127 }),
      h: act.log('debug', 'received SIGHUP', { signal: 'SIGHUP' }),
      a: act.log('debug', 'reaped pid 8: exited with status 0'),
      b: act.log('debug', 'reaped pid 9: was killed by SIGKILL'),
    });
  });
});

test('debug lines are not even built when debug is off', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-s-h-r', { s: ev.spawned(7), h: ev.signal(SIGHUP), r: ev.reaped([exited(8, 0)]) });
    expectObservable(events.pipe(describeEvents(config({ logLevel: 'info' })))).toBe('-s', {
      s: act.log('info', 'started the command as pid 7'),
    });
  });
});
