// SPEC §10 through the whole pipeline, on the TestScheduler's clock: --grace
// against child exits and signals, the "still waiting" reports, the summary.
import test from 'ava';
import { supervise } from '../../src/streams/supervise.js';
import type { InitEvent } from '../../src/streams/events.js';
import { act, config, ev, exited, idle, killed } from '../support/fixtures.js';
import { at, marbles, subscribedUntil } from '../support/marbles.js';
import { SIGTERM } from '../support/signals.js';

const killedEvent = (...processes: Array<[number, string]>): InitEvent => ({ kind: 'killed', processes: processes.map(([pid, command]) => ({ pid, command })) });
const remaining = (...processes: Array<[number, string]>): InitEvent => ({ kind: 'remaining', processes: processes.map(([pid, command]) => ({ pid, command })) });
const kill = { type: 'kill' } as const;
const report = { type: 'report' } as const;

test('a command that ignores SIGTERM is killed when the grace runs out, and the init exits 137 without a broadcast after it', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    // SIGTERM at 20: forwarded, the clock starts; at 120 the kill; 130 its reach; 140 the command's death.
    const events = hot('r 9ms s 9ms t 109ms k 9ms d 9ms c', {
      r: ev.ready(),
      s: ev.spawned(7),
      t: ev.signal(SIGTERM),
      k: killedEvent([7, 'stubborn --serve']),
      d: ev.reaped([killed(7, 9)]),
      c: ev.reaped([], true),
    });
    const cfg = config({ logLevel: 'error', graceMs: 100 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'p', 20, 'f', 120, 'K', 130, 'e', 140, 'w', 150, 'x|'), {
      p: act.spawn(),
      f: act.forward(SIGTERM, 7),
      K: kill,
      e: act.log('error', '--grace 0.1 s ran out; killed pid 7 (stubborn --serve)'),
      w: act.sweep(),
      x: act.exit(137),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(150));
  });
});

test("a service that ignores SIGTERM is killed at the grace; the command's own status survives", (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    // The command exits 3 at 20: the shutdown starts, the clock with it; at 1020 the kill, at 1025 its reach.
    const events = hot('r 9ms s 9ms b 9ms g 994ms k 14ms c', {
      r: ev.ready(),
      s: ev.spawned(7),
      b: ev.reaped([exited(7, 3), exited(8, 0)]),
      g: ev.signalled(2),
      k: killedEvent([9, 'sh -c trap "" TERM; sleep 1000']),
      c: ev.reaped([killed(9, 9)], true),
    });
    const cfg = config({ logLevel: 'info', graceMs: 1000 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'p', 10, 'a', 20, 'bc', 30, 'dfw', 1020, 'K', 1025, 'e', 1030, 'r', 1040, 'shx|'), {
      p: act.spawn(),
      a: act.log('info', 'started the command as pid 7'),
      b: act.log('info', 'shutting down: the command (pid 7) exited with status 3'),
      c: act.broadcast(),
      d: act.log('info', 'sent SIGTERM to 2 processes', { signal: 'SIGTERM' }),
      f: act.log('info', 'waiting for every child to exit'),
      w: act.sweep(),
      K: kill,
      e: act.log('error', '--grace 1 s ran out; killed pid 9 (sh -c trap "" TERM; sleep 1000)'),
      r: report,
      s: act.final('info', 'the shutdown took 1.02 s: signalled 2 processes, 0 exited after SIGTERM, 1 killed'),
      h: act.final('info', 'exiting with status 3', { exitCode: 3 }),
      x: act.exit(3),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(1040));
  });
});

test('the wait ends the moment no child is left: the grace timer never fires', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r 9ms s 9ms b g 9ms c', { r: ev.ready(), s: ev.spawned(7), b: ev.reaped([exited(7, 0)]), g: ev.signalled(1), c: ev.reaped([exited(8, 0)], true) });
    const cfg = config({ logLevel: 'error', graceMs: 50 });
    // Nothing at 70, when the grace would have run out.
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'p', 20, 'b', 21, 's', 31, 'x|'), {
      p: act.spawn(),
      b: act.broadcast(),
      s: act.sweep(),
      x: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(31));
  });
});

test('a second SIGTERM during the grace is broadcast again and does not reset the clock', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('t g 47ms t', { t: ev.signal(SIGTERM), g: ev.signalled(1) });
    const cfg = idle({ logLevel: 'error', graceMs: 100 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'b', 1, 's', 49, 'b', 100, 'K'), { b: act.broadcast(), s: act.sweep(), K: kill });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('--grace 0: SIGKILL right after the broadcast', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('t', { t: ev.signal(SIGTERM) });
    const cfg = idle({ logLevel: 'error', graceMs: 0 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'bK'), { b: act.broadcast(), K: kill });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('--delay-term then --grace: the clock starts when the held SIGTERM is forwarded', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('r s t', { r: ev.ready(), s: ev.spawned(7), t: ev.signal(SIGTERM) });
    const cfg = config({ logLevel: 'error', delayTermMs: 30, graceMs: 50 });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'p', 32, 'f', 82, 'K'), { p: act.spawn(), f: act.forward(SIGTERM, 7), K: kill });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('while waiting, the remaining processes are named 1 s into the wait, then at growing intervals (info level only)', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot('t 9ms g 1004ms l 3984ms c', { t: ev.signal(SIGTERM), g: ev.signalled(1), l: remaining([12, 'sleep 1000']), c: ev.reaped([], true) });
    expectObservable(events.pipe(supervise(idle({ logLevel: 'info' }), scheduler))).toBe(at(0, 'ab', 10, 'cde', 1010, 'r', 1015, 'L', 3010, 'r', 5000, 'sXx|'), {
      a: act.log('info', 'shutting down: received SIGTERM'),
      b: act.broadcast(),
      c: act.log('info', 'sent SIGTERM to 1 process', { signal: 'SIGTERM' }),
      d: act.log('info', 'waiting for every child to exit'),
      e: act.sweep(),
      r: report,
      L: act.log('info', 'still waiting for pid 12 (sleep 1000)'),
      s: act.final('info', 'the shutdown took 5.00 s: signalled 1 process, 0 exited after SIGTERM, 0 killed'),
      X: act.final('info', 'exiting with status 0', { exitCode: 0 }),
      x: act.exit(0),
    });
    // At the default level nothing is reported, so /proc is not even read.
    const quiet = hot('t g', { t: ev.signal(SIGTERM), g: ev.signalled(1) });
    expectObservable(quiet.pipe(supervise(idle({ logLevel: 'error' }), scheduler))).toBe(at(0, 'b', 1, 's'), { b: act.broadcast(), s: act.sweep() });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(5000));
    expectSubscriptions(quiet.subscriptions).toBe(subscribedUntil());
  });
});
