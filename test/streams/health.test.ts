// Health checks in the supervision tree (SPEC §18), on the TestScheduler's
// clock: the probe timer against passes, failures, timeouts, crashes, stops
// and restarts; service_healthy; an unhealthy service restarted or ending the
// container.
import test from 'ava';
import type { SupervisorConfig } from '../../src/streams/config.js';
import type { ChildExit, InitEvent } from '../../src/streams/events.js';
import type { Input } from '../../src/streams/lifecycle/step.js';
import type { Healthcheck, Service } from '../../src/streams/service.js';
import { supervise } from '../../src/streams/supervise.js';
import { act, config, ev, exited, killed, service } from '../support/fixtures.js';
import { at, marbles, subscribedUntil } from '../support/marbles.js';
import { SIGKILL, SIGTERM } from '../support/signals.js';
import { stepsOf } from '../support/steps.js';

const CHECK: Healthcheck = { argv: ['check'], intervalMs: 10, timeoutMs: 5, retries: 2, startPeriodMs: 0, startIntervalMs: 3 };
const checked = (overrides: Partial<Service> = {}, check: Partial<Healthcheck> = {}): Service => service('db', { healthcheck: { ...CHECK, ...check }, ...overrides });
const one = (svc: Service, overrides: Partial<SupervisorConfig> = {}): SupervisorConfig => config({ logLevel: 'info', services: [svc], ...overrides });
const probe = (service = 0) => ({ type: 'probe', service }) as const;
const probeExit = (pid: number, code: number, output = ''): ChildExit & { output: string } => ({ ...exited(pid, code), output });
const started = (pid: number, service = 0): InitEvent => ({ kind: 'probeStarted', service, pid });
/** The probe timer of service `service` firing, for the tests that move the lifecycle by hand. */
const due = (service = 0): Input => ({ kind: 'timer', name: 'probe', service });

test('the first probe comes an interval after the start; a pass makes it healthy (one line, with the output); the next comes an interval after the result', (t) => {
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    // The timer fires at 11 (the probe action); the effects feed back its pid at 12, its exit at 13.
    const events = hot(at(0, 'r', 1, 's', 12, 'p', 13, 'x'), { r: ev.ready(), s: ev.spawned(7), p: started(50), x: ev.reaped([probeExit(50, 0, 'accepting\nconnections')]) });
    expectObservable(events.pipe(supervise(one(checked()), scheduler))).toBe(at(0, 'a', 1, 'b', 11, 'q', 13, 'h', 23, 'q'), {
      a: act.spawn(0),
      b: act.log('info', 'started service db (pid 7)'),
      q: probe(),
      h: act.log('info', 'service db (pid 7) is healthy: accepting connections'),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('failures during start_period do not count, and the probes come every start_interval; after it, retries failures in a row make it unhealthy', (t) => {
  const cfg = one(checked({ restart: { kind: 'no' } }, { startPeriodMs: 10 }));
  // Probes at 3, 6 and 9 (fail, within the start period of 10: they do not count, and the next comes start_interval later),
  // at 12 (fails: it counts, 1; the next comes interval later), at 22 (fails: 2, unhealthy).
  const steps = stepsOf(
    cfg,
    [
      ev.ready(), ev.spawned(7),
      due(), started(20), ev.reaped([probeExit(20, 1)]),
      due(), started(21), ev.reaped([probeExit(21, 1)]),
      due(), started(22), ev.reaped([probeExit(22, 1)]),
      due(), started(23), ev.reaped([probeExit(23, 1, 'refused')]),
      due(), started(24), ev.reaped([probeExit(24, 1, 'still refused')]),
    ],
    [0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12, 12, 12, 22, 22, 22],
  );
  const results = steps.filter((step) => step.input.kind === 'reaped');
  t.deepEqual(steps[1]!.after.services[0]!.timers.probe, 3, 'the first probe start_interval after the start');
  t.deepEqual(results.map((step) => step.after.services[0]!.timers.probe), [6, 9, 12, 22, undefined]);
  t.deepEqual(results.map((step) => step.after.services[0]!.health?.failures ?? null), [0, 0, 0, 1, 2]);
  const last = steps.at(-1)!;
  t.deepEqual(last.after.outcome, { status: 1, reason: 'service db (pid 7) became unhealthy (still refused)' });
  t.deepEqual(last.facts.slice(0, 2), [{ kind: 'health', service: 0 }, { kind: 'shutdown' }]);
});

test('an unhealthy service with a restart policy is stopped with its stop signal and restarted; the new run starts its health over', (t) => {
  const cfg = one(checked({ restart: { kind: 'always' } }, { retries: 1 }));
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 1, 's', 12, 'p', 13, 'x', 14, 'k', 115, 'n'), {
      r: ev.ready(),
      s: ev.spawned(7),
      p: started(50),
      x: ev.reaped([probeExit(50, 1, 'down')]),
      k: ev.reaped([killed(7, SIGTERM)]),
      n: ev.spawned(8),
    });
    // Stopped at 13; its exit at 14 brings a restart in 100 ms (114); the new run is probed 10 ms after its start (125).
    expectObservable(events.pipe(supervise({ ...cfg, logLevel: 'error' }, scheduler))).toBe(at(0, 'a', 11, 'q', 13, 'T', 114, 'a', 125, 'q'), {
      a: act.spawn(0),
      q: probe(),
      T: act.forward(SIGTERM, 7),
    });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil()); // an unhealthy service that restarts ends nothing
  });
});

test('a probe that outlives its timeout is killed with its process group, and counts as a failure that says so', (t) => {
  const cfg = one(checked({}, { retries: 1 }));
  const steps = stepsOf(cfg, [ev.ready(), ev.spawned(7), due(), started(50), { kind: 'timer', name: 'probeTimeout', service: 0 }, ev.reaped([killed(50, SIGKILL)])], [0, 0, 10, 10, 15, 16]);
  t.deepEqual(steps[4]!.facts, [{ kind: 'killProbe', service: 0, pid: 50 }]);
  t.like(steps[5]!.after.services[0]!.health, { status: 'unhealthy', output: 'the probe timed out after 0.005 s' });
});

test("a probe's exit is never the service's, nor an orphan; a crash while a probe runs kills the probe, whose result then does not count", (t) => {
  const cfg = one(checked({ restart: { kind: 'always' } }), { warnReaped: true });
  const steps = stepsOf(
    cfg,
    [ev.ready(), ev.spawned(7), due(), started(50), ev.reaped([probeExit(50, 1)]), due(), started(51), ev.reaped([exited(7, 2)]), ev.reaped([killed(51, SIGKILL)])],
    [0, 0, 10, 10, 10, 20, 20, 21, 22],
  );
  t.deepEqual(steps[4]!.facts, [], 'one failure of two: nothing to say yet');
  t.is(steps[4]!.after.services[0]!.status, 'running');
  t.deepEqual(steps[7]!.facts.map((fact) => fact.kind), ['exited', 'killProbe', 'restarting']);
  t.deepEqual(steps[8]!.facts, [], 'the abandoned probe: neither a health change nor an orphan');
  t.is(steps[8]!.after.services[0]!.probe, undefined);
});

test('service_healthy: the dependent starts once the dependency passed its first probe', (t) => {
  const cfg = config({ logLevel: 'error', services: [checked(), service('app', { dependsOn: [{ service: 0, condition: 'service_healthy' }] })] });
  const scheduler = marbles(t);
  scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
    const events = hot(at(0, 'r', 1, 's', 12, 'p', 15, 'x'), { r: ev.ready(), s: ev.spawned(7, 0), p: started(50), x: ev.reaped([probeExit(50, 0)]) });
    expectObservable(events.pipe(supervise(cfg, scheduler))).toBe(at(0, 'a', 11, 'q', 15, 'b', 25, 'q'), { a: act.spawn(0), q: probe(), b: act.spawn(1) });
    expectSubscriptions(events.subscriptions).toBe(subscribedUntil());
  });
});

test('a dependency that turns unhealthy before it ever passed ends the container, in a line that names both', (t) => {
  const cfg = config({ services: [checked({ restart: { kind: 'always' } }, { retries: 1 }), service('app', { dependsOn: [{ service: 0, condition: 'service_healthy' }] })] });
  const last = stepsOf(cfg, [ev.ready(), ev.spawned(7, 0), due(), started(50), ev.reaped([probeExit(50, 1, 'no')])]).at(-1)!;
  t.deepEqual(last.after.outcome, { status: 1, reason: 'service app waited for service db to become healthy, but it turned unhealthy first' });
  const gone = stepsOf(cfg, [ev.ready(), ev.spawned(7, 0), ev.reaped([exited(7, 3)])]).at(-1)!;
  t.deepEqual(gone.after.outcome, { status: 3, reason: 'service app waited for service db to become healthy, but it exited with status 3 first' });
});

test('during the shutdown no probe starts, and a probe that ends changes nothing', (t) => {
  const cfg = one(checked());
  const steps = stepsOf(cfg, [ev.ready(), ev.spawned(7), due(), started(50), ev.signal(SIGTERM), ev.reaped([probeExit(50, 1)])], [0, 0, 10, 10, 11, 12]);
  t.deepEqual(steps[4]!.after.services[0]!.timers, { probeTimeout: 15 }, 'no next probe; the running one may still be killed');
  t.deepEqual(steps[5]!.facts, []);
});
