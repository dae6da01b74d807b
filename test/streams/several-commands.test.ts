// SPEC §15 through the whole pipeline: several commands (--run) in one lifecycle.
import test from 'ava';
import { supervise } from '../../src/streams/supervise.js';
import { act, command, config, ev, exited, killed } from '../support/fixtures.js';
import { at, marbles, subscribedUntil } from '../support/marbles.js';
import { SIGHUP, SIGTERM } from '../support/signals.js';

const run = (argv: string[]) => command(argv, { role: 'run' });
const three = (overrides = {}) => config({ services: [run(['php-fpm', '-F']), run(['/bin/sh', '-c', 'shipper']), command(['nginx'])], ...overrides });

test('every command starts in order once start-up is over; a signal reaches each of them once; -g: SIGTERM to each group', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 10, 'abc', 20, 'h', 30, 't'), { r: ev.ready(), a: ev.spawned(7, 0), b: ev.spawned(8, 1), c: ev.spawned(9, 2), h: ev.signal(SIGHUP), t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(supervise(three({ logLevel: 'error', processGroup: true })))).toBe(at(0, 'pqr', 20, 'abc', 30, 'xyz'), {
      p: act.spawn(0, true),
      q: act.spawn(1, true),
      r: act.spawn(2, true),
      a: act.forward(SIGHUP, 7),
      b: act.forward(SIGHUP, 8),
      c: act.forward(SIGHUP, 9),
      x: act.forward(SIGTERM, -7),
      y: act.forward(SIGTERM, -8),
      z: act.forward(SIGTERM, -9),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('two commands ending in one reap pass: the one reaped first decides the status; every exit gets its line', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 10, 'abc', 20, 'x', 30, 'g', 40, 'd'), {
      r: ev.ready(),
      a: ev.spawned(7, 0),
      b: ev.spawned(8, 1),
      c: ev.spawned(9, 2),
      x: ev.reaped([exited(8, 3), exited(7, 5)]),
      g: ev.signalled(1),
      d: ev.reaped([killed(9, 15)], true),
    });
    const lines = events.pipe(supervise(three({ logLevel: 'info' })));
    expectObservable(lines).toBe(at(0, 'pqr', 10, 'ABC', 20, 'deSb', 30, 'Gwv', 40, 'fsxX|'), {
      p: act.spawn(0),
      q: act.spawn(1),
      r: act.spawn(2),
      A: act.log('info', 'started command 1 (pid 7: php-fpm -F)'),
      B: act.log('info', 'started command 2 (pid 8: /bin/sh -c shipper)'),
      C: act.log('info', 'started command 3 (pid 9: nginx)'),
      d: act.log('info', 'command 2 (pid 8: /bin/sh -c shipper) exited with status 3'),
      e: act.log('info', 'command 1 (pid 7: php-fpm -F) exited with status 5'),
      S: act.log('info', 'shutting down: command 2 (pid 8: /bin/sh -c shipper) exited with status 3'),
      b: act.broadcast(),
      G: act.log('info', 'sent SIGTERM to 1 process', { signal: 'SIGTERM' }),
      w: act.log('info', 'waiting for every child to exit'),
      v: act.sweep(),
      f: act.log('info', 'command 3 (pid 9: nginx) was killed by SIGTERM'),
      s: act.final('info', 'the shutdown took 0.02 s: signalled 1 process, 1 exited after SIGTERM, 0 killed'),
      x: act.final('info', 'exiting with status 3', { exitCode: 3 }),
      X: act.exit(3),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(40));
  });
});

test('a command that cannot start counts as the first to end: the others, started all the same, get the shutdown', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 10, 'afc', 20, 'g', 30, 'd'), { r: ev.ready(), a: ev.spawned(7, 0), f: ev.spawnFailed(127, 'No such file or directory', 1), c: ev.spawned(9, 2), g: ev.signalled(2), d: ev.reaped([killed(7, 15), killed(9, 15)], true) });
    expectObservable(events.pipe(supervise(three({ logLevel: 'error' })))).toBe(at(0, 'pqr', 10, 'Eb', 20, 'v', 30, 'X|'), {
      p: act.spawn(0),
      q: act.spawn(1),
      r: act.spawn(2),
      E: act.log('error', 'cannot run "/bin/sh": No such file or directory', { exitCode: 127 }),
      b: act.broadcast(),
      v: act.sweep(),
      X: act.exit(127),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(30));
  });
});

test('-w does not warn about the commands: they are not orphans', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 10, 'abc', 20, 'x'), { r: ev.ready(), a: ev.spawned(7, 0), b: ev.spawned(8, 1), c: ev.spawned(9, 2), x: ev.reaped([exited(42, 0), exited(8, 0)]) });
    expectObservable(events.pipe(supervise(three({ logLevel: 'warn', warnReaped: true })))).toBe(at(0, 'pqr', 20, 'wb'), {
      p: act.spawn(0),
      q: act.spawn(1),
      r: act.spawn(2),
      w: act.log('warn', 'reaped zombie pid 42: exited with status 0'),
      b: act.broadcast(),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});
