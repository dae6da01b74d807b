// The lifecycle state and its one moving function (SPEC §3): phases, the
// commands' pids and outcomes, held signals, timers.
import test from 'ava';
import { advance, initialLifecycle, type Input } from '../../src/streams/lifecycle.js';
import { config, ev, exited, idle, killed } from '../support/fixtures.js';
import { SIGHUP, SIGINT, SIGTERM, SIGUSR1 } from '../support/signals.js';
import { lastStep, stepsOf } from '../support/steps.js';

const phases = (cfg: ReturnType<typeof config>, inputs: Input[]) => stepsOf(cfg, inputs).map((step) => step.after.phase);

test('with a command the run starts in "starting"; without one in "running"', (t) => {
  t.is(initialLifecycle(config()).phase, 'starting');
  t.is(initialLifecycle(idle()).phase, 'running');
});

test('starting → running → stopping → waiting → exiting, through spawn, a forwarded SIGTERM, the exit and ECHILD', (t) => {
  t.deepEqual(phases(config(), [ev.ready(), ev.spawned(7), ev.signal(SIGTERM), ev.reaped([killed(7, 15)]), ev.signalled(0), ev.reaped([], true)]), [
    'starting',
    'running',
    'stopping',
    'waiting',
    'waiting',
    'exiting',
  ]);
});

test('the wait begins once the opening broadcast is done, and only then does ECHILD end it', (t) => {
  const steps = stepsOf(config(), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 3)], true), ev.signalled(4), ev.reaped([], true)]);
  t.deepEqual(steps[2]!.after.shutdown, { waiting: false });
  t.deepEqual(steps[3]!.after.shutdown, { waiting: true, signalled: 4 });
  t.is(steps[4]!.after.phase, 'exiting');
});

test("the command's status is found among hundreds of other exits in one pass", (t) => {
  const others = Array.from({ length: 500 }, (_, i) => exited(100 + i, 0));
  const { after } = lastStep(config(), [ev.ready(), ev.spawned(7), ev.reaped([...others.slice(0, 250), killed(7, 15), ...others.slice(250)])]);
  t.deepEqual(after.stop, { status: 143, reason: 'the command (pid 7) was killed by SIGTERM' });
  t.deepEqual(after.commands, [{ pid: 7, outcome: after.stop }]);
});

test('exits reaped before the command started are not mistaken for it', (t) => {
  const { after } = lastStep(config(), [ev.reaped([exited(7, 1)]), ev.ready(), ev.spawned(7)]);
  t.is(after.phase, 'running');
  t.is(after.stop, undefined);
});

test('ECHILD in the pass that reaped the command does not end the wait; only a pass made during the wait does', (t) => {
  t.deepEqual(phases(config({ broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)], true), ev.reaped([], true)]), [
    'starting',
    'running',
    'waiting',
    'exiting',
  ]);
});

test('SPEC §11: signals other than a stop before the command runs are dropped; once it runs they are delivered', (t) => {
  const steps = stepsOf(config(), [ev.signal(SIGHUP), ev.signal(SIGUSR1), ev.ready(), ev.spawned(7), ev.signal(SIGHUP)]);
  t.deepEqual(steps[0]!.after.dropped, [SIGHUP]);
  t.deepEqual(steps[1]!.after.dropped, [SIGUSR1], 'dropped lasts one step');
  t.deepEqual(steps[3]!.after.delivered, [], 'nothing held for the start');
  t.deepEqual(steps[4]!.after.delivered, [SIGHUP]);
});

for (const [signal, name] of [[SIGTERM, 'SIGTERM'], [SIGINT, 'SIGINT']] as const) {
  test(`SPEC §11: a ${name} before the command starts: it is never started, the status is 128+N`, (t) => {
    const steps = stepsOf(config(), [ev.signal(signal), ev.ready()]);
    t.is(steps[0]!.after.phase, 'waiting');
    t.deepEqual(steps[0]!.after.stop, { status: 128 + signal, reason: `received ${name} before the command started` });
    t.is(steps[1]!.after.phase, 'waiting', 'start-up over changes nothing now');
  });
}

test('a command that cannot start ends the run with its status', (t) => {
  const { after } = lastStep(config(), [ev.ready(), ev.spawnFailed(126, 'Permission denied')]);
  t.is(after.phase, 'waiting');
  t.deepEqual(after.stop, { status: 126, reason: 'the command could not be started (Permission denied)' });
});

test('no command: SIGTERM stops with status 0, SIGINT too unless -I, other signals are only delivered', (t) => {
  t.deepEqual(lastStep(idle(), [ev.signal(SIGTERM)]).after.stop, { status: 0, reason: 'received SIGTERM' });
  t.deepEqual(lastStep(idle(), [ev.signal(SIGINT)]).after.stop, { status: 0, reason: 'received SIGINT' });
  const ignored = lastStep(idle({ shutdownOnSigint: false }), [ev.signal(SIGINT)]).after;
  t.is(ignored.stop, undefined);
  t.deepEqual(ignored.delivered, [SIGINT]);
});

test('-W exits as soon as the stop is decided; -B waits without broadcasting', (t) => {
  t.deepEqual(phases(config({ waitForChildren: false, broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]), ['starting', 'running', 'exiting']);
  t.deepEqual(phases(config({ broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]), ['starting', 'running', 'waiting']);
});

test('--delay-term: a SIGTERM sets the timer; it fires and delivers; a second SIGTERM cancels it and delivers both', (t) => {
  const cfg = config({ delayTermMs: 500 });
  const held = lastStep(cfg, [ev.ready(), ev.spawned(7), ev.signal(SIGTERM)], [0, 0, 100]).after;
  t.deepEqual(held.timers, { delayTerm: 600 });
  t.deepEqual(held.delivered, []);
  const fired = advance(held, { kind: 'timer', name: 'delayTerm' }, 600, cfg);
  t.deepEqual(fired.timers, {});
  t.deepEqual(fired.delivered, [SIGTERM]);
  const twice = advance(held, ev.signal(SIGTERM), 300, cfg);
  t.deepEqual(twice.timers, {});
  t.deepEqual(twice.delivered, [SIGTERM, SIGTERM]);
});

test('--delay-term: the shutdown cancels a running delay', (t) => {
  const { after } = lastStep(config({ delayTermMs: 500 }), [ev.ready(), ev.spawned(7), ev.signal(SIGTERM), ev.reaped([exited(7, 0)])]);
  t.deepEqual(after.timers, {});
});

test('once exiting, nothing moves', (t) => {
  const exiting = lastStep(config({ waitForChildren: false, broadcast: false }), [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)])]).after;
  t.is(advance(exiting, ev.signal(SIGTERM), 0, config()), exiting);
});
