// The whole pipeline, for the orderings that matter (SPEC §3-§8): marble tests
// on the TestScheduler, whose virtual clock also drives the pipeline's timers.
import test from 'ava';
import { supervise } from '../../src/streams/supervise.js';
import { act, config, ev, exited, idle, killed } from '../support/fixtures.js';
import { at, marbles, subscribedUntil } from '../support/marbles.js';
import { SIGHUP, SIGTERM, SIGUSR1 } from '../support/signals.js';

const spawn = act.spawn();
const started = act.log('info', 'started the command as pid 7');
const waiting = act.log('info', 'waiting for every child to exit');
const sent = (n: number) => act.log('info', `sent SIGTERM to ${n} process${n === 1 ? '' : 'es'}`, { signal: 'SIGTERM' });
const received = (name: string) => act.log('debug', `received ${name}`, { signal: name });
const summary = (seconds: string, signalled: string, exited: number, killed = 0) =>
  act.final('info', `the shutdown took ${seconds} s: signalled ${signalled}, ${exited} exited after SIGTERM, ${killed} killed`);

test("the command's exit in the same reap pass as hundreds of others gives its status; the source is left at the exit", (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const others = Array.from({ length: 300 }, (_, i) => exited(100 + i, i % 7));
    const events = hot('r 9ms s 9ms b 9ms g 9ms c', {
      r: ev.ready(),
      s: ev.spawned(7),
      b: ev.reaped([...others.slice(0, 150), exited(7, 3), ...others.slice(150)], false),
      g: ev.signalled(300),
      c: ev.reaped([killed(999, 15)], true),
    });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info' })))).toBe(at(0, 'p', 10, 'a', 20, 'bc', 30, 'def', 40, 'shx|'), {
      p: spawn,
      a: started,
      b: act.log('info', 'shutting down: the command (pid 7) exited with status 3'),
      c: act.broadcast(),
      d: sent(300),
      e: waiting,
      f: act.sweep(),
      s: summary('0.02', '300 processes', 1),
      h: act.final('info', 'exiting with status 3', { exitCode: 3 }),
      x: act.exit(3),
    });
    expectSubscriptions(events.subscriptions).toBe('^ 39ms !');
  });
});

test('the commands start only once start-up is over; a signal other than a stop before that is dropped (SPEC §11)', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('h 4ms r 9ms s 9ms h', { h: ev.signal(SIGHUP), r: ev.ready(), s: ev.spawned(7) });
    expectObservable(events.pipe(supervise(config()))).toBe(at(0, 'hd', 5, 'p', 15, 'a', 25, 'hlf'), {
      h: received('SIGHUP'),
      d: act.log('debug', 'dropping SIGHUP: the command has not started yet', { signal: 'SIGHUP' }),
      p: spawn,
      a: started,
      l: act.log('debug', 'forwarding SIGHUP to pid 7', { signal: 'SIGHUP', target: 7 }),
      f: act.forward(SIGHUP, 7),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('SPEC §11: a signal that came while Node.js was starting, noticed once the command runs (a SIGUSR1 that opened the debugger), is dropped, not forwarded; the next one is forwarded', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms e 9ms u', { r: ev.ready(), s: ev.spawned(7), e: ev.signalAtStartUp(SIGUSR1), u: ev.signal(SIGUSR1) });
    expectObservable(events.pipe(supervise(config()))).toBe(at(0, 'p', 10, 'a', 20, 'hd', 30, 'hlf'), {
      p: spawn,
      a: started,
      h: received('SIGUSR1'),
      d: act.log('debug', 'dropping SIGUSR1: it came while Node.js was starting', { signal: 'SIGUSR1' }),
      l: act.log('debug', 'forwarding SIGUSR1 to pid 7', { signal: 'SIGUSR1', target: 7 }),
      f: act.forward(SIGUSR1, 7),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('SPEC §11: a SIGTERM before the command starts: it is never started, and the init exits 143 after the shutdown', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('t 9ms r 9ms g 9ms c', { t: ev.signal(SIGTERM), r: ev.ready(), g: ev.signalled(0), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info' })))).toBe(at(0, 'ab', 20, 'def', 30, 'shx|'), {
      a: act.log('info', 'shutting down: received SIGTERM before the command started'),
      b: act.broadcast(),
      d: sent(0),
      e: waiting,
      f: act.sweep(),
      s: summary('0.03', '0 processes', 0),
      h: act.final('info', 'exiting with status 143', { exitCode: 143 }),
      x: act.exit(143),
    });
    expectSubscriptions(events.subscriptions).toBe('^ 29ms !');
  });
});

test('received, forwarded, reaped, shutdown: every line in order, and signals during the wait', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms u 9ms b 9ms g 9ms t 9ms h 9ms c', {
      r: ev.ready(),
      s: ev.spawned(7),
      u: ev.signal(SIGHUP),
      b: ev.reaped([exited(7, 0)], false),
      g: ev.signalled(1),
      t: ev.signal(SIGTERM),
      h: ev.signal(SIGHUP),
      c: ev.reaped([exited(12, 0)], true),
    });
    expectObservable(events.pipe(supervise(config()))).toBe(at(0, 'p', 10, 'a', 20, 'uvw', 30, 'bcd', 40, 'efg', 50, 'hi', 60, 'jk', 70, 'lsmn|'), {
      p: spawn,
      a: started,
      u: received('SIGHUP'),
      v: act.log('debug', 'forwarding SIGHUP to pid 7', { signal: 'SIGHUP', target: 7 }),
      w: act.forward(SIGHUP, 7),
      b: act.log('debug', 'reaped pid 7: exited with status 0'),
      c: act.log('info', 'shutting down: the command (pid 7) exited with status 0'),
      d: act.broadcast(),
      e: sent(1),
      f: waiting,
      g: act.sweep(),
      h: received('SIGTERM'),
      i: act.broadcast(),
      j: received('SIGHUP'),
      k: act.log('debug', 'dropping SIGHUP: waiting for the remaining children to exit', { signal: 'SIGHUP' }),
      l: act.log('debug', 'reaped pid 12: exited with status 0'),
      s: summary('0.04', '1 process', 1),
      m: act.final('info', 'exiting with status 0', { exitCode: 0 }),
      n: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(70));
  });
});

test('ECHILD in the pass that reaped the command does not count; the pass after the broadcast does', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms b 9ms g 9ms c', {
      r: ev.ready(),
      s: ev.spawned(7),
      b: ev.reaped([killed(7, 9)], true),
      g: ev.signalled(0),
      c: ev.reaped([], true),
    });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info' })))).toBe(at(0, 'p', 10, 'a', 20, 'bc', 30, 'def', 40, 'shx|'), {
      p: spawn,
      a: started,
      b: act.log('info', 'shutting down: the command (pid 7) was killed by SIGKILL'),
      c: act.broadcast(),
      d: sent(0),
      e: waiting,
      f: act.sweep(),
      s: summary('0.02', '0 processes', 0),
      h: act.final('info', 'exiting with status 137', { exitCode: 137 }),
      x: act.exit(137),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(40));
  });
});

test('with -g the command starts in its own group, and SIGTERM goes to the group while it runs', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('rs-t-h', { r: ev.ready(), s: ev.spawned(7), t: ev.signal(SIGTERM), h: ev.signal(SIGHUP) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'error', processGroup: true })))).toBe('p--t-h', {
      p: act.spawn(0, true),
      t: act.forward(SIGTERM, -7),
      h: act.forward(SIGHUP, 7),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('no command: other signals are ignored, SIGTERM shuts down, a second SIGTERM is broadcast again, exit 0', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms h 9ms t 9ms g 9ms t 9ms c', { r: ev.ready(), h: ev.signal(SIGHUP), t: ev.signal(SIGTERM), g: ev.signalled(2), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(idle()))).toBe(at(0, 'i', 10, 'ab', 20, 'cde', 30, 'fgh', 40, 'jk', 50, 'slm|'), {
      i: act.log('info', 'no command: adopting and reaping children until SIGTERM or SIGINT'),
      a: received('SIGHUP'),
      b: act.log('debug', 'ignoring SIGHUP: there is no command to forward it to', { signal: 'SIGHUP' }),
      c: received('SIGTERM'),
      d: act.log('info', 'shutting down: received SIGTERM'),
      e: act.broadcast(),
      f: sent(2),
      g: waiting,
      h: act.sweep(),
      j: received('SIGTERM'),
      k: act.broadcast(),
      s: summary('0.03', '2 processes', 0),
      l: act.final('info', 'exiting with status 0', { exitCode: 0 }),
      m: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(50));
  });
});

test('a command that cannot start: one error line, the shutdown sequence, then 127', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms f 9ms g 9ms c', { r: ev.ready(), f: ev.spawnFailed(127), g: ev.signalled(0), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(config()))).toBe(at(0, 'p', 10, 'bde', 20, 'fgh', 30, 'six|'), {
      p: spawn,
      b: act.log('error', 'cannot run "cmd": No such file or directory', { exitCode: 127 }),
      d: act.log('info', 'shutting down: the command could not be started (No such file or directory)'),
      e: act.broadcast(),
      f: sent(0),
      g: waiting,
      h: act.sweep(),
      s: summary('0.02', '0 processes', 0),
      i: act.final('info', 'exiting with status 127', { exitCode: 127 }),
      x: act.exit(127),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(30));
  });
});

test('-W: the init exits as soon as the command has, without broadcast or wait', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms b', { r: ev.ready(), s: ev.spawned(7), b: ev.reaped([exited(7, 5)], false) });
    const cfg = config({ logLevel: 'info', waitForChildren: false, broadcast: false });
    expectObservable(events.pipe(supervise(cfg))).toBe(at(0, 'p', 10, 'a', 20, 'bscd|'), {
      p: spawn,
      a: started,
      b: act.log('info', 'shutting down: the command (pid 7) exited with status 5'),
      s: summary('0.00', '0 processes', 0),
      c: act.final('info', 'exiting with status 5', { exitCode: 5 }),
      d: act.exit(5),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(20));
  });
});

test('-B: no broadcast; the wait begins at once', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms b 9ms t 9ms c', { r: ev.ready(), s: ev.spawned(7), b: ev.reaped([exited(7, 0)]), t: ev.signal(SIGTERM), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'info', broadcast: false })))).toBe(at(0, 'p', 10, 'a', 20, 'bcd', 40, 'sex|'), {
      p: spawn,
      a: started,
      b: act.log('info', 'shutting down: the command (pid 7) exited with status 0'),
      c: waiting,
      d: act.sweep(),
      s: summary('0.02', '0 processes', 0),
      e: act.final('info', 'exiting with status 0', { exitCode: 0 }),
      x: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(40));
  });
});

test('errors only: nothing but error lines and actions come out', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms b 9ms g 9ms c', { r: ev.ready(), s: ev.spawned(7), b: ev.reaped([exited(7, 1)], true), g: ev.signalled(0), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(config({ logLevel: 'error' })))).toBe(at(0, 'p', 20, 'b', 30, 's', 40, 'x|'), {
      p: spawn,
      b: act.broadcast(),
      s: act.sweep(),
      x: act.exit(1),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(40));
  });
});

test('--delay-term: "received" comes before "holding"; the SIGTERM is forwarded when the timer fires', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms t', { r: ev.ready(), s: ev.spawned(7), t: ev.signal(SIGTERM) });
    const cfg = config({ logLevel: 'debug', delayTermMs: 10 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'p', 10, 'a', 20, 'rh', 30, 'lf'), {
      p: spawn,
      a: started,
      r: received('SIGTERM'),
      h: act.log('info', 'holding SIGTERM for 0.01 s before acting on it (--delay-term)', { signal: 'SIGTERM' }),
      l: act.log('debug', 'forwarding SIGTERM to pid 7', { signal: 'SIGTERM', target: 7 }),
      f: act.forward(SIGTERM, 7),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('--delay-term: a second SIGTERM during the delay acts at once, the held one first; the timer is cancelled', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('rs t 3ms t', { r: ev.ready(), s: ev.spawned(7), t: ev.signal(SIGTERM) });
    const cfg = config({ logLevel: 'error', delayTermMs: 10 });
    // Nothing at frame 12, when the first SIGTERM's delay would have ended.
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'p', 6, 'ff'), { p: spawn, f: act.forward(SIGTERM, 7) });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('--delay-term without a command: the shutdown starts once the delay is over', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('t 19ms g 9ms c', { t: ev.signal(SIGTERM), g: ev.signalled(0), c: ev.reaped([], true) });
    const cfg = idle({ logLevel: 'info', delayTermMs: 10 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'h', 10, 'ab', 20, 'def', 30, 'slx|'), {
      h: act.log('info', 'holding SIGTERM for 0.01 s before acting on it (--delay-term)', { signal: 'SIGTERM' }),
      a: act.log('info', 'shutting down: received SIGTERM'),
      b: act.broadcast(),
      d: sent(0),
      e: waiting,
      f: act.sweep(),
      s: summary('0.02', '0 processes', 0),
      l: act.final('info', 'exiting with status 0', { exitCode: 0 }),
      x: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(30));
  });
});

test('--delay-term: a SIGTERM held when the command ends is never forwarded', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('rstbg', { r: ev.ready(), s: ev.spawned(7), t: ev.signal(SIGTERM), b: ev.reaped([exited(7, 0)]), g: ev.signalled(0) });
    const cfg = config({ logLevel: 'error', delayTermMs: 10 });
    // Nothing at frame 12, when the delay would have ended.
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe('p--bs', { p: spawn, b: act.broadcast(), s: act.sweep() });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('--rewrite changes what is forwarded, not what is broadcast while waiting', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('rs-t-bg---t', { r: ev.ready(), s: ev.spawned(7), t: ev.signal(SIGTERM), b: ev.reaped([exited(7, 0)]), g: ev.signalled(0) });
    const cfg = config({ logLevel: 'error', rewrites: new Map([[SIGTERM, SIGHUP]]) });
    expectObservable(events.pipe(supervise(cfg))).toBe('p--f-bs---b', {
      p: spawn,
      f: act.forward(SIGHUP, 7),
      b: act.broadcast(),
      s: act.sweep(),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('-e 143: a command stopped by SIGTERM is a clean stop', (t) => {
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('rs-bg--c', { r: ev.ready(), s: ev.spawned(7), b: ev.reaped([killed(7, 15)]), g: ev.signalled(0), c: ev.reaped([], true) });
    const cfg = config({ logLevel: 'error', exitCodesToZero: new Set([143]) });
    expectObservable(events.pipe(supervise(cfg))).toBe('p--bs--(x|)', { p: spawn, b: act.broadcast(), s: act.sweep(), x: act.exit(0) });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(7));
  });
});
