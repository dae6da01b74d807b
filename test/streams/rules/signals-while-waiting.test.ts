import test from 'ava';
import { signalsWhileWaiting } from '../../../src/streams/rules/signals-while-waiting.js';
import { act, config, ev, exited } from '../../support/fixtures.js';
import { SIGHUP, SIGINT, SIGTERM } from '../../support/signals.js';
import { lastStep } from '../../support/steps.js';

const waiting = [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)]), ev.signalled(3)];

test('while waiting, SIGTERM and SIGINT are broadcast again as SIGTERM; other signals are dropped', (t) => {
  const cfg = config();
  t.deepEqual(signalsWhileWaiting(lastStep(cfg, [...waiting, ev.signal(SIGTERM)]), cfg), [act.broadcast(SIGTERM)]);
  t.deepEqual(signalsWhileWaiting(lastStep(cfg, [...waiting, ev.signal(SIGINT)]), cfg), [act.broadcast(SIGTERM)]);
  t.deepEqual(signalsWhileWaiting(lastStep(cfg, [...waiting, ev.signal(SIGHUP)]), cfg), [
    act.log('debug', 'dropping SIGHUP: waiting for the remaining children to exit', { signal: 'SIGHUP' }),
  ]);
});

test('with -B nothing is broadcast while waiting either', (t) => {
  const cfg = config({ broadcast: false });
  t.deepEqual(signalsWhileWaiting(lastStep(cfg, [...waiting.slice(0, 3), ev.signal(SIGTERM)]), cfg), [
    act.log('debug', 'dropping SIGTERM: waiting for the remaining children to exit', { signal: 'SIGTERM' }),
  ]);
});

test('before the shutdown, this rule says nothing', (t) => {
  t.deepEqual(signalsWhileWaiting(lastStep(config(), [ev.ready(), ev.spawned(7), ev.signal(SIGTERM)]), config()), []);
});
