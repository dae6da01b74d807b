import test from 'ava';
import { describeInput } from '../../../src/streams/rules/describe-input.js';
import { act, command, config, ev, exited, idle, killed, service } from '../../support/fixtures.js';
import { SIGHUP, SIGTERM } from '../../support/signals.js';
import { lastStep } from '../../support/steps.js';

test('start, start failure, every signal, every reaped pid, a broadcast and a note get their line', (t) => {
  const cfg = config();
  const line = (...inputs: Parameters<typeof lastStep>[1]) => describeInput(lastStep(cfg, inputs), cfg);
  t.deepEqual(line(ev.ready(), ev.spawned(7)), [act.log('info', 'started the command as pid 7')]);
  t.deepEqual(line(ev.ready(), ev.spawnFailed(127)), [act.log('error', 'cannot run "cmd": No such file or directory', { exitCode: 127 })]);
  t.deepEqual(line(ev.signal(SIGHUP)), [act.log('debug', 'received SIGHUP', { signal: 'SIGHUP' })]);
  t.deepEqual(line(ev.reaped([exited(8, 0), killed(9, 9)])), [
    act.log('debug', 'reaped pid 8: exited with status 0'),
    act.log('debug', 'reaped pid 9: was killed by SIGKILL'),
  ]);
  t.deepEqual(line(ev.signalled(1, SIGTERM)), [act.log('info', 'sent SIGTERM to 1 process', { signal: 'SIGTERM' })]);
  t.deepEqual(line({ kind: 'note', level: 'warn', message: 'x' }), [act.log('warn', 'x')]);
  t.deepEqual(line(ev.ready()), [], 'with a command, start-up over is no news');
});

test('several programs: each start names the program', (t) => {
  const cfg = config({ services: [service('web'), command(['php-fpm', '-F'], { role: 'run' }), command(['nginx'])] });
  const line = (...inputs: Parameters<typeof lastStep>[1]) => describeInput(lastStep(cfg, inputs), cfg);
  t.deepEqual(line(ev.ready(), ev.spawned(7, 0)), [act.log('info', 'started service web (pid 7)')]);
  t.deepEqual(line(ev.ready(), ev.spawned(8, 1)), [act.log('info', 'started command 1 (pid 8: php-fpm -F)')]);
  t.deepEqual(line(ev.ready(), ev.spawned(9, 2)), [act.log('info', 'started command 2 (pid 9: nginx)')]);
});

test('without a command, the start says what ends the run', (t) => {
  t.deepEqual(describeInput(lastStep(idle(), [ev.ready()]), idle()), [act.log('info', 'no command: adopting and reaping children until SIGTERM or SIGINT')]);
  const cfg = idle({ shutdownOnSigint: false });
  t.deepEqual(describeInput(lastStep(cfg, [ev.ready()]), cfg), [act.log('info', 'no command: adopting and reaping children until SIGTERM')]);
});

test('debug lines are not even built when debug is off', (t) => {
  const cfg = config({ logLevel: 'info' });
  t.deepEqual(describeInput(lastStep(cfg, [ev.signal(SIGHUP)]), cfg), []);
  t.deepEqual(describeInput(lastStep(cfg, [ev.reaped([exited(8, 0)])]), cfg), []);
});
