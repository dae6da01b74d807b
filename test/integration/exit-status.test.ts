// SPEC §3.3 step 3: the init exits with the command's status, or 128+N for death by signal N.
import test from 'ava';
import { runInit } from '../support/init.js';

for (const status of [0, 1, 3, 255]) {
  test(`a command that exits ${status} makes the init exit ${status}`, async (t) => {
    t.is((await runInit(['sh', '-c', `exit ${status}`])).code, status);
  });
}

for (const [signal, number] of [['TERM', 15], ['KILL', 9], ['SEGV', 11], ['USR1', 10]] as const) {
  test(`a command killed by SIG${signal} makes the init exit ${128 + number}`, async (t) => {
    t.is((await runInit(['sh', '-c', `kill -${signal} $$`])).code, 128 + number);
  });
}
