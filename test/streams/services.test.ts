// The supervision tree below the container (SPEC §17): each program's restart
// under its policy with Docker's backoff, giving up, one-shots, start order,
// and the ordered stop of the file's services. Marble tests on the
// TestScheduler's clock, which drives the restart and stop-grace timers.
import test from 'ava';
import type { SupervisorConfig } from '../../src/streams/config.js';
import type { Hook } from '../../src/streams/service.js';
import type { Input } from '../../src/streams/lifecycle/step.js';
import { supervise } from '../../src/streams/supervise.js';
import { act, command, config, ev, exited, killed, service } from '../support/fixtures.js';
import { at, marbles, subscribedUntil } from '../support/marbles.js';
import { SIGKILL, SIGQUIT, SIGTERM } from '../support/signals.js';
import { stepsOf } from '../support/steps.js';

const crashing = (overrides = {}): SupervisorConfig => config({ logLevel: 'error', services: [service('web', { restart: { kind: 'always' } })], ...overrides });

test('a service that crashes is restarted after 100, 200, 400 ms: each delay twice the one before', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    // Exits at 10; restart at 110, exits at 120; restart at 320, exits at 330; restart at 730.
    const events = hot(at(0, 'r', 1, 'a', 10, 'x', 111, 'b', 120, 'y', 321, 'c', 330, 'z'), {
      r: ev.ready(),
      a: ev.spawned(7),
      x: ev.reaped([exited(7, 1)]),
      b: ev.spawned(8),
      y: ev.reaped([exited(8, 1)]),
      c: ev.spawned(9),
      z: ev.reaped([killed(9, 11)]),
    });
    expectObservable(events.pipe(supervise(crashing(), scheduler))).toBe(at(0, 'p', 110, 'p', 320, 'p', 730, 'p'), { p: act.spawn() });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('each restart is announced with the service, the delay, the count and how it ended', (t) => {
  const cfg = crashing({ logLevel: 'info' });
  const steps = stepsOf(cfg, [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 3)])], [0, 0, 50]);
  t.deepEqual(steps[2]!.facts, [{ kind: 'exited', service: 0, exit: exited(7, 3) }, { kind: 'restarting', service: 0, delayMs: 100, restarts: 1 }]);
  t.like(steps[2]!.after.services[0], { status: 'backingOff', delayMs: 100, failures: 1, timers: { restart: 150 } });
});

test('a run of 10 s or more starts the delay over at 100 ms; the delay stops doubling at a minute', (t) => {
  const cfg = crashing();
  const runs: Input[] = [ev.ready()];
  const times: number[] = [0];
  let now = 0;
  // Eleven quick crashes: 100, 200, ..., 51200, then 60000 (the cap).
  for (let i = 0; i < 11; i++) {
    runs.push(ev.spawned(100 + i), ev.reaped([exited(100 + i, 1)]));
    times.push(now, now + 1);
    now += 1 + 60_000;
  }
  const delays = stepsOf(cfg, runs, times).flatMap((step) => step.facts.filter((fact) => fact.kind === 'restarting').map((fact) => (fact as { delayMs: number }).delayMs));
  t.deepEqual(delays, [100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000]);
  const long = stepsOf(cfg, [...runs, ev.spawned(999), ev.reaped([exited(999, 1)])], [...times, now, now + 10_000]).at(-1)!;
  t.deepEqual(long.facts.at(-1), { kind: 'restarting', service: 0, delayMs: 100, restarts: 12 });
});

test('on-failure:3 gives up after 3 restarts in a row that failed, and ends the container with that status', (t) => {
  const cfg = config({ logLevel: 'info', services: [service('web', { restart: { kind: 'on-failure', maxRetries: 3 } })] });
  const inputs: Input[] = [ev.ready()];
  for (let pid = 1; pid <= 4; pid++) inputs.push(ev.spawned(pid), ev.reaped([exited(pid, 2)]));
  const steps = stepsOf(cfg, inputs);
  t.deepEqual(steps.flatMap((step) => step.facts.filter((fact) => fact.kind === 'restarting')).length, 3);
  const last = steps.at(-1)!;
  t.is(last.after.services[0]!.status, 'gaveUp');
  t.deepEqual(last.after.outcome, { status: 2, reason: 'service web (pid 4) exited with status 2, and gave up after 3 restarts (restart: on-failure:3)' });
  t.is(last.after.phase, 'shuttingDown');
});

test('on-failure: an exit 0 ends the container (nothing to restart); always: an exit 0 is restarted', (t) => {
  const onFailure = config({ services: [service('web', { restart: { kind: 'on-failure' } })] });
  t.deepEqual(stepsOf(onFailure, [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]).at(-1)!.after.outcome, { status: 0, reason: 'service web (pid 7) exited with status 0' });
  const always = stepsOf(crashing(), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]).at(-1)!.after;
  t.is(always.phase, 'running');
  t.like(always.services[0], { status: 'backingOff', failures: 0 });
});

test('a one-shot (others wait for it to complete) exits 0: it ends nothing, and those waiting for it start', (t) => {
  const cfg = config({
    logLevel: 'error',
    services: [service('migrate'), service('app', { dependsOn: [{ service: 0, condition: 'service_completed_successfully' }] })],
  });
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 1, 'a', 10, 'x', 11, 'b'), { r: ev.ready(), a: ev.spawned(7, 0), x: ev.reaped([exited(7, 0)]), b: ev.spawned(8, 1) });
    expectObservable(events.pipe(supervise(cfg))).toBe(at(0, 'p', 10, 'q'), { p: act.spawn(0), q: act.spawn(1) });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil()); // the one-shot's exit ends nothing
  });
  const failed = stepsOf(cfg, [ev.ready(), ev.spawned(7, 0), ev.reaped([exited(7, 5)])]).at(-1)!.after;
  t.deepEqual(failed.outcome, { status: 5, reason: 'service migrate (pid 7) exited with status 5' });
  t.is(failed.services[1]!.status, 'stopped', 'the one waiting for it never starts');
});

test('start order: a service starts once what it depends on has started; independent ones in the order given', (t) => {
  const cfg = config({
    services: [
      service('db'),
      service('cache'),
      service('app', { dependsOn: [{ service: 0, condition: 'service_started' }, { service: 1, condition: 'service_started' }] }),
      command(['server'], { dependsOn: [{ service: 2, condition: 'service_started' }] }),
    ],
  });
  const steps = stepsOf(cfg, [ev.ready(), ev.spawned(7, 0), ev.spawned(8, 1), ev.spawned(9, 2)]);
  t.deepEqual(
    steps.map((step) => step.facts.filter((fact) => fact.kind === 'start').map((fact) => (fact as { service: number }).service)),
    [[0, 1], [], [2], [3]],
  );
});

test('the shutdown stops the services one by one, dependents first, each with its stop signal, then broadcasts', (t) => {
  const cfg = config({
    logLevel: 'error',
    services: [service('db'), service('php', { stopSignal: SIGQUIT }), command(['nginx'])],
  });
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    // nginx (the main command) exits at 10; php is stopped first, then db, then the broadcast.
    const events = hot(at(0, 'r', 1, 'abc', 10, 'x', 20, 'y', 30, 'z', 40, 'g', 50, 'e'), {
      r: ev.ready(),
      a: ev.spawned(7, 0),
      b: ev.spawned(8, 1),
      c: ev.spawned(9, 2),
      x: ev.reaped([exited(9, 0)]),
      y: ev.reaped([exited(8, 0)]),
      z: ev.reaped([killed(7, 15)]),
      g: ev.signalled(0),
      e: ev.reaped([], true),
    });
    expectObservable(events.pipe(supervise(cfg))).toBe(at(0, 'pqr', 10, 'Q', 20, 'T', 30, 'b', 40, 's', 50, 'x|'), {
      p: act.spawn(0),
      q: act.spawn(1),
      r: act.spawn(2),
      Q: act.forward(SIGQUIT, 8),
      T: act.forward(SIGTERM, 7),
      b: act.broadcast(),
      s: act.sweep(),
      x: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(50));
  });
});

test('the copies of a service with scale are stopped together, each with its stop signal; the next service once the last copy is gone', (t) => {
  const cfg = config({
    logLevel: 'error',
    services: [service('db'), service('worker-1', { replicaOf: 'worker' }), service('worker-2', { replicaOf: 'worker' }), command(['app'])],
  });
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    // app exits at 10: both workers get SIGTERM at once (worker-1, then worker-2); db only once the second of them is gone (at 30).
    const events = hot(at(0, 'r', 1, 'abcd', 10, 'x', 20, 'y', 30, 'z', 40, 'w', 50, 'g', 60, 'e'), {
      r: ev.ready(),
      a: ev.spawned(7, 0),
      b: ev.spawned(8, 1),
      c: ev.spawned(9, 2),
      d: ev.spawned(10, 3),
      x: ev.reaped([exited(10, 0)]),
      y: ev.reaped([exited(9, 0)]),
      z: ev.reaped([exited(8, 0)]),
      w: ev.reaped([exited(7, 0)]),
      g: ev.signalled(0),
      e: ev.reaped([], true),
    });
    expectObservable(events.pipe(supervise(cfg))).toBe(at(0, 'pqrs', 10, 'UT', 30, 'D', 40, 'b', 50, 'S', 60, 'x|'), {
      p: act.spawn(0),
      q: act.spawn(1),
      r: act.spawn(2),
      s: act.spawn(3),
      T: act.forward(SIGTERM, 9),
      U: act.forward(SIGTERM, 8),
      D: act.forward(SIGTERM, 7),
      b: act.broadcast(),
      S: act.sweep(),
      x: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(60));
  });
});

const hook = (word: string): Hook => ({ argv: [word], launch: { argv: [Buffer.from(word)], environment: [], directory: undefined, user: undefined } });

test('hooks: post_start as the program starts, one after another; pre_stop before its stop signal, which waits for the last of them (whatever its status)', (t) => {
  const cfg = config({
    logLevel: 'error',
    services: [service('app', { hooks: { postStart: [hook('registered')], preStop: [hook('drain'), hook('flush')] } }), command(['main'])],
  });
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    // The main command exits at 10: app's two pre_stop hooks run (pids 21, 22), and only then its SIGTERM (at 30).
    const events = hot(at(0, 'r', 4, 'ab', 8, 'h', 9, 'v', 10, 'x', 12, 's', 20, 'y', 22, 't', 30, 'z', 40, 'w', 50, 'g', 60, 'e'), {
      r: ev.ready(),
      a: ev.spawned(7, 0),
      b: ev.spawned(8, 1),
      h: ev.hookStarted(20, 'postStart'),
      v: ev.reaped([exited(20, 0)]),
      x: ev.reaped([exited(8, 0)]),
      s: ev.hookStarted(21, 'preStop'),
      y: ev.reaped([exited(21, 0)]),
      t: ev.hookStarted(22, 'preStop'),
      z: ev.reaped([exited(22, 3)]),
      w: ev.reaped([exited(7, 0)]),
      g: ev.signalled(0),
      e: ev.reaped([], true),
    });
    expectObservable(events.pipe(supervise(cfg))).toBe(at(0, 'pq', 4, 'H', 10, 'P', 20, 'Q', 30, 'T', 40, 'b', 50, 'S', 60, 'x|'), {
      p: act.spawn(0),
      q: act.spawn(1),
      H: act.hook('postStart', 0),
      P: act.hook('preStop', 0),
      Q: act.hook('preStop', 1),
      T: act.forward(SIGTERM, 7),
      b: act.broadcast(),
      S: act.sweep(),
      x: act.exit(0),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil(60));
  });
});

test("a hook whose program's run ends is killed (its process group), and nothing follows it; its pre_stop hooks never run after it", (t) => {
  const cfg = config({ logLevel: 'error', services: [service('app', { restart: { kind: 'always' }, hooks: { postStart: [hook('slow'), hook('next')], preStop: [hook('drain')] } })] });
  const steps = stepsOf(cfg, [ev.ready(), ev.spawned(7), ev.hookStarted(20, 'postStart'), ev.reaped([exited(7, 1)]), ev.reaped([killed(20, 9)])], [0, 1, 2, 10, 11]);
  t.deepEqual(steps[3]!.facts.filter((fact) => fact.kind === 'killHook'), [{ kind: 'killHook', service: 0, pid: 20 }]);
  t.deepEqual(steps[4]!.facts, [], 'the killed hook is reaped: nothing said, no next hook');
  t.is(steps[4]!.after.services[0]!.hooks?.postStart, undefined);
});

test("a service that outlives its stop_grace_period gets SIGKILL, named in one line; then the next is stopped", (t) => {
  const cfg = config({ logLevel: 'error', services: [service('db'), service('stubborn', { stopGraceMs: 100 }), command(['app'])] });
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 1, 'abc', 10, 'x', 120, 'k'), {
      r: ev.ready(),
      a: ev.spawned(7, 0),
      b: ev.spawned(8, 1),
      c: ev.spawned(9, 2),
      x: ev.reaped([exited(9, 0)]),
      k: ev.reaped([killed(8, 9)]),
    });
    expectObservable(events.pipe(supervise(cfg))).toBe(at(0, 'pqr', 10, 'T', 110, 'EK', 120, 'D'), {
      p: act.spawn(0),
      q: act.spawn(1),
      r: act.spawn(2),
      T: act.forward(SIGTERM, 8),
      E: act.log('error', 'service stubborn (pid 8) did not stop within its stop_grace_period of 0.1 s: sending SIGKILL', { signal: 'SIGKILL', target: 8 }),
      K: act.forward(SIGKILL, 8),
      D: act.forward(SIGTERM, 7),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('a second SIGTERM during the ordered stop broadcasts at once; with -g each stop goes to the group', (t) => {
  const cfg = config({ logLevel: 'error', processGroup: true, services: [service('db'), service('web')] });
  marbles(t).run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 1, 'ab', 10, 't', 20, 't'), { r: ev.ready(), a: ev.spawned(7, 0), b: ev.spawned(8, 1), t: ev.signal(SIGTERM) });
    expectObservable(events.pipe(supervise(cfg))).toBe(at(0, 'pq', 10, 'W', 20, 'b'), {
      p: act.spawn(0, true),
      q: act.spawn(1, true),
      W: act.forward(SIGTERM, -8),
      b: act.broadcast(),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('with no command, SIGTERM starts the ordered stop at once; a restart waiting then never comes', (t) => {
  const steps = stepsOf(crashing(), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 1)]), ev.signal(SIGTERM)]);
  const last = steps.at(-1)!.after;
  t.is(last.phase, 'shuttingDown');
  t.like(last.services[0], { status: 'stopped', timers: {} });
  t.deepEqual(last.outcome, { status: 0, reason: 'received SIGTERM' });
});
