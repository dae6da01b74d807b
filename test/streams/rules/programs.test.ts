import test from 'ava';
import { warnReaped } from '../../../src/streams/rules/programs.js';
import { act, config, ev, exited, killed } from '../../support/fixtures.js';
import { lastStep, ruleActions } from '../../support/steps.js';

test('-w: one WARN line per reaped process that was not the command, before and after it started', (t) => {
  const cfg = config({ warnReaped: true });
  t.deepEqual(ruleActions(warnReaped, 'orphan', lastStep(cfg, [ev.reaped([exited(3, 0)])]), cfg), [act.log('warn', 'reaped zombie pid 3: exited with status 0')]);
  t.deepEqual(ruleActions(warnReaped, 'orphan', lastStep(cfg, [ev.ready(), ev.spawned(7), ev.reaped([killed(9, 9), exited(7, 0)])]), cfg), [
    act.log('warn', 'reaped zombie pid 9: was killed by SIGKILL'),
  ]);
});

test('without -w: nothing', (t) => {
  t.deepEqual(ruleActions(warnReaped, 'orphan', lastStep(config(), [ev.reaped([exited(3, 0)])]), config()), []);
});
