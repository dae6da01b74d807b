// Where a delivered signal goes: each live program's pid, its group for
// SIGTERM with -g, rewritten by --rewrite; and why a dropped one goes nowhere.
import test from 'ava';
import type { SupervisorConfig } from '../../../src/streams/config.js';
import type { Input } from '../../../src/streams/lifecycle/step.js';
import { deliverSignal, dropSignal } from '../../../src/streams/rules/signals.js';
import { act, config, ev, exited, idle } from '../../support/fixtures.js';
import { SIGHUP, SIGINT, SIGQUIT, SIGRTMIN, SIGTERM, SIGUSR1 } from '../../support/signals.js';
import { lastStep, ruleActions } from '../../support/steps.js';

const running = [ev.ready(), ev.spawned(7)];
const deliver = (cfg: SupervisorConfig, inputs: Input[]) => ruleActions(deliverSignal, 'deliver', lastStep(cfg, inputs), cfg);

test('without -g every signal, SIGTERM included, goes to the command pid', (t) => {
  t.deepEqual(deliver(config(), [...running, ev.signal(SIGTERM)]), [
    act.log('debug', 'forwarding SIGTERM to pid 7', { signal: 'SIGTERM', target: 7 }),
    act.forward(SIGTERM, 7),
  ]);
});

test('with -g SIGTERM goes to the process group, other signals to the pid', (t) => {
  const cfg = config({ processGroup: true });
  t.deepEqual(deliver(cfg, [...running, ev.signal(SIGTERM)]), [
    act.log('debug', 'forwarding SIGTERM to process group 7', { signal: 'SIGTERM', target: -7 }),
    act.forward(SIGTERM, -7),
  ]);
  t.deepEqual(deliver(cfg, [...running, ev.signal(SIGHUP)]).at(-1), act.forward(SIGHUP, 7));
});

test('--rewrite: FROM goes out as TO (to the group with -g when TO is SIGTERM), TO 0 drops it, the rest passes', (t) => {
  const cfg = config({ processGroup: true, rewrites: new Map([[SIGINT, SIGTERM], [SIGUSR1, 0], [SIGTERM, SIGQUIT]]) });
  const one = (signal: number) => deliver(cfg, [...running, ev.signal(signal)]);
  t.deepEqual(one(SIGINT), [
    act.log('debug', 'forwarding SIGTERM (for SIGINT, --rewrite) to process group 7', { signal: 'SIGTERM', target: -7 }),
    act.forward(SIGTERM, -7),
  ]);
  t.deepEqual(one(SIGTERM).at(-1), act.forward(SIGQUIT, 7));
  t.deepEqual(one(SIGUSR1), [act.log('debug', 'dropping SIGUSR1 (--rewrite)', { signal: 'SIGUSR1' })]);
  t.deepEqual(one(SIGHUP).at(-1), act.forward(SIGHUP, 7));
});

test('a signal that is not forwarded (a realtime one without -r) is dropped with a debug line', (t) => {
  t.deepEqual(deliver(config(), [...running, ev.signal(SIGRTMIN)]), [act.log('debug', 'not forwarding SIGRTMIN', { signal: 'SIGRTMIN' })]);
});

test('with debug off, the forwarding carries no log line at all', (t) => {
  t.deepEqual(deliver(config({ logLevel: 'info' }), [...running, ev.signal(SIGHUP)]), [act.forward(SIGHUP, 7)]);
});

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
