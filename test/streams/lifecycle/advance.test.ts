// The lifecycle's one moving function (SPEC §3, §11, §15): the container's
// phase, each program's state, the facts of each move, the timers.
import test from 'ava';
import type { SupervisorConfig } from '../../../src/streams/config.js';
import { advance } from '../../../src/streams/lifecycle/advance.js';
import { initialLifecycle } from '../../../src/streams/lifecycle/state.js';
import type { Input } from '../../../src/streams/lifecycle/step.js';
import { config, ev, exited, idle, killed } from '../../support/fixtures.js';
import { SIGHUP, SIGINT, SIGTERM, SIGUSR1 } from '../../support/signals.js';
import { lastStep, stepsOf } from '../../support/steps.js';

const phases = (cfg: SupervisorConfig, inputs: Input[]) => stepsOf(cfg, inputs).map((step) => step.after.phase);
const kinds = (cfg: SupervisorConfig, inputs: Input[]) => lastStep(cfg, inputs).facts.map((fact) => fact.kind);

test('with a command the run starts in "starting"; without one in "running"', (t) => {
  t.is(initialLifecycle(config()).phase, 'starting');
  t.is(initialLifecycle(idle()).phase, 'running');
});

test('starting → running → shuttingDown → exiting, through start-up, the exit and ECHILD; the shutdown steps broadcast, then sweep', (t) => {
  const steps = stepsOf(config(), [ev.ready(), ev.spawned(7), ev.signal(SIGTERM), ev.reaped([killed(7, 15)]), ev.signalled(0), ev.reaped([], true)]);
  t.deepEqual(steps.map((step) => step.after.phase), ['running', 'running', 'running', 'shuttingDown', 'shuttingDown', 'exiting']);
  t.deepEqual(steps[3]!.after.shutdown, { step: 'broadcast' });
  t.deepEqual(steps[4]!.after.shutdown, { step: 'sweep', signalled: 0 });
  t.deepEqual(steps.map((step) => step.after.services[0]!.status), ['starting', 'running', 'running', 'exited', 'exited', 'exited']);
});

test('a step says what it found, in order; the state keeps nothing of one step for the next', (t) => {
  t.deepEqual(kinds(config(), [ev.ready()]), ['start']);
  t.deepEqual(kinds(config(), [ev.ready(), ev.spawned(7), ev.signal(SIGHUP)]), ['deliver']);
  t.deepEqual(kinds(config(), [ev.ready(), ev.spawned(7), ev.reaped([exited(9, 0), exited(7, 3)])]), ['orphan', 'exited', 'shutdown', 'broadcast']);
  t.deepEqual(kinds(config(), [ev.ready(), ev.spawned(7), ev.signal(SIGHUP), ev.signal(SIGUSR1)]), ['deliver']);
});

test("the command's status is found among hundreds of other exits in one pass", (t) => {
  const others = Array.from({ length: 500 }, (_, i) => exited(100 + i, 0));
  const { after } = lastStep(config(), [ev.ready(), ev.spawned(7), ev.reaped([...others.slice(0, 250), killed(7, 15), ...others.slice(250)])]);
  t.deepEqual(after.outcome, { status: 143, reason: 'the command (pid 7) was killed by SIGTERM' });
  t.like(after.services[0], { status: 'exited', pid: null, lastExit: { status: 143, how: 'was killed by SIGTERM' } });
});

test('exits reaped before the command started are not mistaken for it', (t) => {
  const { after } = lastStep(config(), [ev.reaped([exited(7, 1)]), ev.ready(), ev.spawned(7)]);
  t.is(after.phase, 'running');
  t.is(after.outcome, undefined);
});

test('ECHILD in the pass that reaped the command does not end the wait; only a pass made during the sweep does', (t) => {
  t.deepEqual(phases(config({ broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)], true), ev.reaped([], true)]), [
    'running',
    'running',
    'shuttingDown',
    'exiting',
  ]);
});

test('SPEC §11: signals other than a stop before the command runs are dropped; once it runs they are delivered', (t) => {
  const steps = stepsOf(config(), [ev.signal(SIGHUP), ev.signal(SIGUSR1), ev.ready(), ev.spawned(7), ev.signal(SIGHUP)]);
  t.deepEqual(steps[0]!.facts, [{ kind: 'drop', signal: SIGHUP, why: 'notStarted' }]);
  t.deepEqual(steps[1]!.facts, [{ kind: 'drop', signal: SIGUSR1, why: 'notStarted' }]);
  t.deepEqual(steps[3]!.facts, [], 'nothing held for the start');
  t.deepEqual(steps[4]!.facts, [{ kind: 'deliver', signal: SIGHUP, services: [0] }]);
});

for (const [signal, name] of [[SIGTERM, 'SIGTERM'], [SIGINT, 'SIGINT']] as const) {
  test(`SPEC §11: a ${name} before the command starts: it is never started, the status is 128+N`, (t) => {
    const steps = stepsOf(config(), [ev.signal(signal), ev.ready()]);
    t.is(steps[0]!.after.phase, 'shuttingDown');
    t.deepEqual(steps[0]!.after.outcome, { status: 128 + signal, reason: `received ${name} before the command started` });
    t.is(steps[1]!.after.phase, 'shuttingDown', 'start-up over changes nothing now');
    t.is(steps[1]!.after.services[0]!.status, 'stopped');
    t.deepEqual(steps[1]!.facts, []);
  });
}

test('a command that cannot start ends the run with its status', (t) => {
  const { after } = lastStep(config(), [ev.ready(), ev.spawnFailed(126, 'Permission denied')]);
  t.is(after.phase, 'shuttingDown');
  t.deepEqual(after.outcome, { status: 126, reason: 'the command could not be started (Permission denied)' });
});

test('no command: SIGTERM stops with status 0, SIGINT too unless -I, other signals go nowhere', (t) => {
  t.deepEqual(lastStep(idle(), [ev.signal(SIGTERM)]).after.outcome, { status: 0, reason: 'received SIGTERM' });
  t.deepEqual(lastStep(idle(), [ev.signal(SIGINT)]).after.outcome, { status: 0, reason: 'received SIGINT' });
  const ignored = lastStep(idle({ shutdownOnSigint: false }), [ev.signal(SIGINT)]);
  t.is(ignored.after.outcome, undefined);
  t.deepEqual(ignored.facts, [{ kind: 'drop', signal: SIGINT, why: 'noCommand' }]);
});

test('-W exits as soon as the stop is decided; -B sweeps without broadcasting', (t) => {
  t.deepEqual(phases(config({ waitForChildren: false, broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]), ['running', 'running', 'exiting']);
  const step = lastStep(config({ broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]);
  t.deepEqual(step.after.shutdown, { step: 'sweep', signalled: 0 });
  t.deepEqual(step.facts.map((fact) => fact.kind), ['exited', 'shutdown', 'sweep']);
});

test('--delay-term: a SIGTERM sets the timer; it fires and delivers; a second SIGTERM cancels it and delivers both', (t) => {
  const cfg = config({ delayTermMs: 500 });
  const held = lastStep(cfg, [ev.ready(), ev.spawned(7), ev.signal(SIGTERM)], [0, 0, 100]);
  t.deepEqual(held.after.timers, { delayTerm: 600 });
  t.deepEqual(held.facts, [{ kind: 'hold', signal: SIGTERM }]);
  const fired = advance(held.after, { kind: 'timer', name: 'delayTerm' }, 600, cfg);
  t.deepEqual(fired.state.timers, {});
  t.deepEqual(fired.facts, [{ kind: 'deliver', signal: SIGTERM, services: [0] }]);
  const twice = advance(held.after, ev.signal(SIGTERM), 300, cfg);
  t.deepEqual(twice.state.timers, {});
  t.deepEqual(twice.facts, [{ kind: 'deliver', signal: SIGTERM, services: [0] }, { kind: 'deliver', signal: SIGTERM, services: [0] }]);
});

test('a forwarded SIGTERM starts the --grace clock once; the shutdown keeps it', (t) => {
  const steps = stepsOf(config({ graceMs: 1000 }), [ev.ready(), ev.spawned(7), ev.signal(SIGTERM), ev.signal(SIGTERM), ev.reaped([exited(7, 0)])], [0, 0, 100, 200, 300]);
  t.deepEqual(steps[2]!.after.stop, { since: 100, exited: 0 });
  t.deepEqual(steps[2]!.after.timers, { grace: 1100 });
  t.deepEqual(steps[4]!.after.timers, { grace: 1100 });
  t.deepEqual(steps[4]!.after.stop, { since: 100, exited: 1 });
});

test('--delay-term: the shutdown cancels a running delay', (t) => {
  const { after } = lastStep(config({ delayTermMs: 500 }), [ev.ready(), ev.spawned(7), ev.signal(SIGTERM), ev.reaped([exited(7, 0)])]);
  t.deepEqual(after.timers, {});
});

test('once exiting, nothing moves', (t) => {
  const exiting = lastStep(config({ waitForChildren: false, broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]).after;
  t.deepEqual(advance(exiting, ev.signal(SIGTERM), 0, config()), { state: exiting, facts: [] });
});
