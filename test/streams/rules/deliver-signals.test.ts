// Where a delivered signal goes: the command's pid, its group for SIGTERM with
// -g, rewritten by --rewrite; nowhere without a command.
import test from 'ava';
import { deliverSignals } from '../../../src/streams/rules/deliver-signals.js';
import { act, config, ev, idle } from '../../support/fixtures.js';
import { SIGHUP, SIGINT, SIGQUIT, SIGRTMIN, SIGTERM, SIGUSR1 } from '../../support/signals.js';
import { lastStep } from '../../support/steps.js';

const running = [ev.ready(), ev.spawned(7)];

test('without -g every signal, SIGTERM included, goes to the command pid', (t) => {
  const cfg = config();
  t.deepEqual(deliverSignals(lastStep(cfg, [...running, ev.signal(SIGTERM)]), cfg), [
    act.log('debug', 'forwarding SIGTERM to pid 7', { signal: 'SIGTERM', target: 7 }),
    act.forward(SIGTERM, 7),
  ]);
});

test('with -g SIGTERM goes to the process group, other signals to the pid', (t) => {
  const cfg = config({ processGroup: true });
  t.deepEqual(deliverSignals(lastStep(cfg, [...running, ev.signal(SIGTERM)]), cfg), [
    act.log('debug', 'forwarding SIGTERM to process group 7', { signal: 'SIGTERM', target: -7 }),
    act.forward(SIGTERM, -7),
  ]);
  t.deepEqual(deliverSignals(lastStep(cfg, [...running, ev.signal(SIGHUP)]), cfg).at(-1), act.forward(SIGHUP, 7));
});

test('--rewrite: FROM goes out as TO (to the group with -g when TO is SIGTERM), TO 0 drops it, the rest passes', (t) => {
  const cfg = config({ processGroup: true, rewrites: new Map([[SIGINT, SIGTERM], [SIGUSR1, 0], [SIGTERM, SIGQUIT]]) });
  const deliver = (signal: number) => deliverSignals(lastStep(cfg, [...running, ev.signal(signal)]), cfg);
  t.deepEqual(deliver(SIGINT), [
    act.log('debug', 'forwarding SIGTERM (for SIGINT, --rewrite) to process group 7', { signal: 'SIGTERM', target: -7 }),
    act.forward(SIGTERM, -7),
  ]);
  t.deepEqual(deliver(SIGTERM).at(-1), act.forward(SIGQUIT, 7));
  t.deepEqual(deliver(SIGUSR1), [act.log('debug', 'dropping SIGUSR1 (--rewrite)', { signal: 'SIGUSR1' })]);
  t.deepEqual(deliver(SIGHUP).at(-1), act.forward(SIGHUP, 7));
});

test('a signal that is not forwarded (a realtime one without -r) is dropped with a debug line', (t) => {
  const cfg = config();
  t.deepEqual(deliverSignals(lastStep(cfg, [...running, ev.signal(SIGRTMIN)]), cfg), [
    act.log('debug', 'not forwarding SIGRTMIN', { signal: 'SIGRTMIN' }),
  ]);
});

test('with debug off, the forwarding carries no log line at all', (t) => {
  const cfg = config({ logLevel: 'info' });
  t.deepEqual(deliverSignals(lastStep(cfg, [...running, ev.signal(SIGHUP)]), cfg), [act.forward(SIGHUP, 7)]);
});

test('without a command: a signal that does not stop the init is ignored with a debug line; one that does says nothing here', (t) => {
  const cfg = idle({ shutdownOnSigint: false });
  t.deepEqual(deliverSignals(lastStep(cfg, [ev.signal(SIGHUP)]), cfg), [
    act.log('debug', 'ignoring SIGHUP: there is no command to forward it to', { signal: 'SIGHUP' }),
  ]);
  t.deepEqual(deliverSignals(lastStep(cfg, [ev.signal(SIGINT)]), cfg).length, 1, 'SIGINT with -I is ignored too');
  t.deepEqual(deliverSignals(lastStep(cfg, [ev.signal(SIGTERM)]), cfg), []);
});
