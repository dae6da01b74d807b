// A signal that goes nowhere says why, at debug level.
import test from 'ava';
import type { SupervisorConfig } from '../../../src/streams/config.js';
import type { Input } from '../../../src/streams/lifecycle/step.js';
import { dropSignal } from '../../../src/streams/rules/drop-signal.js';
import { act, config, ev, exited, idle } from '../../support/fixtures.js';
import { SIGHUP, SIGINT, SIGTERM } from '../../support/signals.js';
import { lastStep, ruleActions } from '../../support/steps.js';

const drop = (cfg: SupervisorConfig, inputs: Input[]) => ruleActions(dropSignal, 'drop', lastStep(cfg, inputs), cfg);
const shuttingDown = [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)]), ev.signalled(3)];

test('without a command: a signal that does not stop the init is ignored with a debug line; one that does is no drop', (t) => {
  const cfg = idle({ shutdownOnSigint: false });
  t.deepEqual(drop(cfg, [ev.signal(SIGHUP)]), [act.log('debug', 'ignoring SIGHUP: there is no command to forward it to', { signal: 'SIGHUP' })]);
  t.deepEqual(drop(cfg, [ev.signal(SIGINT)]).length, 1, 'SIGINT with -I is ignored too');
  t.deepEqual(drop(cfg, [ev.signal(SIGTERM)]), []);
});

test('before the command starts, a signal other than a stop is dropped (SPEC §11)', (t) => {
  t.deepEqual(drop(config(), [ev.signal(SIGHUP)]), [act.log('debug', 'dropping SIGHUP: the command has not started yet', { signal: 'SIGHUP' })]);
});

test('while shutting down, signals other than a stop are dropped; with -B a stop is too', (t) => {
  t.deepEqual(drop(config(), [...shuttingDown, ev.signal(SIGHUP)]), [act.log('debug', 'dropping SIGHUP: waiting for the remaining children to exit', { signal: 'SIGHUP' })]);
  t.deepEqual(drop(config(), [...shuttingDown, ev.signal(SIGTERM)]), [], 'SIGTERM is broadcast again');
  t.deepEqual(drop(config({ broadcast: false }), [...shuttingDown.slice(0, 3), ev.signal(SIGTERM)]), [
    act.log('debug', 'dropping SIGTERM: waiting for the remaining children to exit', { signal: 'SIGTERM' }),
  ]);
});
