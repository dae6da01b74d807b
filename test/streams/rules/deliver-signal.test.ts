// Where a delivered signal goes: each live program's pid, its group for
// SIGTERM with -g, rewritten by --rewrite.
import test from 'ava';
import type { SupervisorConfig } from '../../../src/streams/config.js';
import type { Input } from '../../../src/streams/lifecycle/step.js';
import { deliverSignal } from '../../../src/streams/rules/deliver-signal.js';
import { act, config, ev } from '../../support/fixtures.js';
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
