// The whole pipeline, for the orderings that matter (SPEC §3-§4).
import test from 'ava';
import { supervise } from '../../src/streams/supervise.js';
import { act, config, ev, exited, killed, SIGHUP, SIGTERM } from '../support/fixtures.js';
import { marbles } from '../support/marbles.js';

const started = act.log('info', 'started the command as pid 7');
const waiting = act.log('info', 'waiting for every child to exit');

test("the command's exit in the same reap batch as hundreds of others gives its status", (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const others = Array.from({ length: 300 }, (_, i) => exited(100 + i, i % 7));
    const events = hot('s 9ms b 9ms c', {
      s: ev.spawned(7),
      b: ev.reaped([...others.slice(0, 150), exited(7, 3), ...others.slice(150)], false),
      c: ev.reaped([killed(999, 15)], true),
    });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info' })))).toBe('a 9ms (bcde) 4ms (fg)', {
      a: started,
      b: act.log('info', 'shutting down: the command (pid 7) exited with status 3'),
      c: act.broadcast(SIGTERM),
      d: waiting,
      e: act.sweep(),
      f: act.log('info', 'exiting with status 3', { exitCode: 3 }),
      g: act.exit(3),
    });
  });
});

test('a signal that arrives before the spawn result is forwarded once the command runs', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('h 9ms s', { h: ev.signal(SIGHUP), s: ev.spawned(7) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info' })))).toBe('- 9ms (af)', {
      a: started,
      f: act.forward(SIGHUP, 7),
    });
  });
});

test('received, forwarded, reaped, shutdown: every line in order, and signals during the wait', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s 4ms u 4ms b 9ms t 9ms h 9ms c', {
      s: ev.spawned(7),
      u: ev.signal(SIGHUP),
      b: ev.reaped([exited(7, 0)], false),
      t: ev.signal(SIGTERM),
      h: ev.signal(SIGHUP),
      c: ev.reaped([exited(12, 0)], true),
    });
    expectObservable(events.pipe(supervise(config()))).toBe('a 4ms (uvw) (bcdef) 3ms (gh) 6ms (ij) 6ms (klm)', {
      a: started,
      u: act.log('debug', 'received SIGHUP', { signal: 'SIGHUP' }),
      v: act.log('debug', 'forwarding SIGHUP to pid 7', { signal: 'SIGHUP', target: 7 }),
      w: act.forward(SIGHUP, 7),
      b: act.log('debug', 'reaped pid 7: exited with status 0'),
      c: act.log('info', 'shutting down: the command (pid 7) exited with status 0'),
      d: act.broadcast(SIGTERM),
      e: waiting,
      f: act.sweep(),
      g: act.log('debug', 'received SIGTERM', { signal: 'SIGTERM' }),
      h: act.broadcast(SIGTERM),
      i: act.log('debug', 'received SIGHUP', { signal: 'SIGHUP' }),
      j: act.log('debug', 'dropping SIGHUP: waiting for the remaining children to exit', { signal: 'SIGHUP' }),
      k: act.log('debug', 'reaped pid 12: exited with status 0'),
      l: act.log('info', 'exiting with status 0', { exitCode: 0 }),
      m: act.exit(0),
    });
  });
});

test('ECHILD in the pass that reaped the command does not count; the pass after the broadcast does', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s 9ms b 9ms c', {
      s: ev.spawned(7),
      b: ev.reaped([killed(7, 9)], true),
      c: ev.reaped([], true),
    });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info' })))).toBe('a 9ms (bcde) 4ms (fg)', {
      a: started,
      b: act.log('info', 'shutting down: the command (pid 7) was killed by SIGKILL'),
      c: act.broadcast(SIGTERM),
      d: waiting,
      e: act.sweep(),
      f: act.log('info', 'exiting with status 137', { exitCode: 137 }),
      g: act.exit(137),
    });
  });
});

test('with -g, SIGTERM goes to the process group while the command runs', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s-t-h', { s: ev.spawned(7), t: ev.signal(SIGTERM), h: ev.signal(SIGHUP) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info', signalGroup: true })))).toBe('a-t-h', {
      a: started,
      t: act.forward(SIGTERM, -7),
      h: act.forward(SIGHUP, 7),
    });
  });
});

test('no command: other signals are ignored, SIGTERM shuts down, a second SIGTERM is broadcast again, exit 0', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('h 9ms t 9ms t 9ms c', { h: ev.signal(SIGHUP), t: ev.signal(SIGTERM), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(config({ hasCommand: false })))).toBe('(ab) 6ms (cdefg) 3ms (hi) 6ms (jk)', {
      a: act.log('debug', 'received SIGHUP', { signal: 'SIGHUP' }),
      b: act.log('debug', 'ignoring SIGHUP: there is no command to forward it to', { signal: 'SIGHUP' }),
      c: act.log('debug', 'received SIGTERM', { signal: 'SIGTERM' }),
      d: act.log('info', 'shutting down: received SIGTERM'),
      e: act.broadcast(SIGTERM),
      f: waiting,
      g: act.sweep(),
      h: act.log('debug', 'received SIGTERM', { signal: 'SIGTERM' }),
      i: act.broadcast(SIGTERM),
      j: act.log('info', 'exiting with status 0', { exitCode: 0 }),
      k: act.exit(0),
    });
  });
});

test('a command that cannot start: one error line, the shutdown sequence, then 127', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('f 9ms c', { f: ev.spawnFailed(127, 'nope'), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info' })))).toBe('(abcde) 3ms (fg)', {
      a: act.log('error', 'cannot run "nope": No such file or directory', { exitCode: 127 }),
      b: act.log('info', 'shutting down: the command could not be started (No such file or directory)'),
      c: act.broadcast(SIGTERM),
      d: waiting,
      e: act.sweep(),
      f: act.log('info', 'exiting with status 127', { exitCode: 127 }),
      g: act.exit(127),
    });
  });
});

test('-W: the init exits as soon as the command has, without broadcast or wait', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s 9ms b', { s: ev.spawned(7), b: ev.reaped([exited(7, 5)], false) });
    const cfg = config({ logLevel: 'info', waitForChildren: false, broadcast: false });
    expectObservable(events.pipe(supervise(cfg))).toBe('a 9ms (bcd)', {
      a: started,
      b: act.log('info', 'shutting down: the command (pid 7) exited with status 5'),
      c: act.log('info', 'exiting with status 5', { exitCode: 5 }),
      d: act.exit(5),
    });
  });
});

test('errors only: nothing but error lines and actions come out', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s 9ms b 9ms c', { s: ev.spawned(7), b: ev.reaped([exited(7, 1)], true), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'error' })))).toBe('- 9ms (bc) 6ms x', {
      b: act.broadcast(SIGTERM),
      c: act.sweep(),
      x: act.exit(1),
    });
  });
});

test('--delay-term without a command: the shutdown starts once the delay is over', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable }) => {
    const events = hot('t 19ms c', { t: ev.signal(SIGTERM), c: ev.reaped([], true) });
    const cfg = config({ hasCommand: false, logLevel: 'info', delayTermMs: 10 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe('h 9ms (abcd) 4ms (ex)', {
      h: act.log('info', 'holding SIGTERM for 0.01 s before acting on it (--delay-term)', { signal: 'SIGTERM' }),
      a: act.log('info', 'shutting down: received SIGTERM'),
      b: act.broadcast(SIGTERM),
      c: waiting,
      d: act.sweep(),
      e: act.log('info', 'exiting with status 0', { exitCode: 0 }),
      x: act.exit(0),
    });
  });
});

test('--rewrite changes what is forwarded, not what is broadcast while waiting', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s-t-b----t', { s: ev.spawned(7), t: ev.signal(SIGTERM), b: ev.reaped([exited(7, 0)]) });
    const cfg = config({ logLevel: 'error', rewrites: new Map([[SIGTERM, SIGHUP]]) });
    expectObservable(events.pipe(supervise(cfg))).toBe('--f-(bs)-b', {
      f: act.forward(SIGHUP, 7),
      b: act.broadcast(SIGTERM),
      s: act.sweep(),
    });
  });
});

test('-e 143: a command stopped by SIGTERM is a clean stop', (t) => {
  marbles(t).run(({ hot, expectObservable }) => {
    const events = hot('s-b---c', { s: ev.spawned(7), b: ev.reaped([killed(7, 15)]), c: ev.reaped([], true) });
    const cfg = config({ logLevel: 'error', exitCodesToZero: new Set([143]) });
    expectObservable(events.pipe(supervise(cfg))).toBe('--(bs)x', { b: act.broadcast(SIGTERM), s: act.sweep(), x: act.exit(0) });
  });
});
