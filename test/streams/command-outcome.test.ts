import test from 'ava';
import { commandOutcome } from '../../src/streams/operators/command-outcome.js';
import { ev, exited, killed, name } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

test('the command status is found in a batch among many other exits, once', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const others = Array.from({ length: 500 }, (_, i) => exited(100 + i, 0));
    const events = hot('-s-a-b-c', {
      s: ev.spawned(7),
      a: ev.reaped([exited(50, 1)]),
      b: ev.reaped([...others.slice(0, 250), exited(7, 3), ...others.slice(250)], true),
      c: ev.reaped([exited(7, 9)]),
    });
    expectObservable(events.pipe(commandOutcome(name))).toBe('-----(o|)', {
      o: { status: 3, description: 'the command (pid 7) exited with status 3' },
    });
  });
});

test('a command killed by signal N ends with 128+N', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-s-b', { s: ev.spawned(7), b: ev.reaped([killed(7, 15)]) });
    expectObservable(events.pipe(commandOutcome(name))).toBe('---(o|)', {
      o: { status: 143, description: 'the command (pid 7) was killed by SIGTERM' },
    });
  });
});

test('a command that could not be started ends with its 127/126 status at once', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('-f-b', { f: ev.spawnFailed(127), b: ev.reaped([exited(9, 0)]) });
    expectObservable(events.pipe(commandOutcome(name))).toBe('-(o|)', {
      o: { status: 127, description: 'the command could not be started (No such file or directory)' },
    });
  });
});

test('exits reaped before the command started are not mistaken for it', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('a-s-b', { a: ev.reaped([exited(7, 1)]), s: ev.spawned(7), b: ev.reaped([exited(7, 0)]) });
    expectObservable(events.pipe(commandOutcome(name))).toBe('----(o|)', {
      o: { status: 0, description: 'the command (pid 7) exited with status 0' },
    });
  });
});
