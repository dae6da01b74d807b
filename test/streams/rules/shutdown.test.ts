import test from 'ava';
import { exitWithStatus } from '../../../src/streams/rules/shutdown.js';
import { act, config, ev, exited, killed } from '../../support/fixtures.js';
import { lastStep, ruleActions } from '../../support/steps.js';

const endWith = (exit: ReturnType<typeof exited>, codes: number[]) => {
  const cfg = config({ waitForChildren: false, broadcast: false, exitCodesToZero: new Set(codes) });
  return ruleActions(exitWithStatus, 'exit', lastStep(cfg, [ev.ready(), ev.spawned(7), ev.reaped([exit])]), cfg);
};

test('-e maps the final status to 0; other statuses pass', (t) => {
  t.deepEqual(endWith(killed(7, 15), [143, 3]).slice(1), [act.final('info', 'exiting with status 0 (status 143, mapped by -e 143)', { exitCode: 0 }), act.exit(0)]);
  t.deepEqual(endWith(exited(7, 3), [143, 3]).at(-1), act.exit(0));
  t.deepEqual(endWith(exited(7, 4), [143, 3]).slice(1), [act.final('info', 'exiting with status 4', { exitCode: 4 }), act.exit(4)]);
  t.deepEqual(endWith(exited(7, 0), [0]).slice(1), [act.final('info', 'exiting with status 0', { exitCode: 0 }), act.exit(0)]);
});

test('the exit is preceded by one summary of the shutdown: how long, signalled, exited after SIGTERM, killed', (t) => {
  const cfg = config();
  const inputs = [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 3)]), ev.signalled(3), ev.reaped([exited(8, 0)]), ev.killed([9, 'x']), ev.reaped([killed(9, 9)], true)];
  const step = lastStep(cfg, inputs, [0, 0, 1000, 1000, 1500, 3000, 3010]);
  t.deepEqual(ruleActions(exitWithStatus, 'exit', step, cfg)[0], act.final('info', 'the shutdown took 2.01 s: signalled 3 processes, 1 exited after SIGTERM, 1 killed'));
});

test('only the step that enters "exiting" exits', (t) => {
  const cfg = config();
  t.deepEqual(lastStep(cfg, [ev.ready(), ev.spawned(7), ev.reaped([exited(7, 0)], true)]).facts.filter((fact) => fact.kind === 'exit'), []);
});
