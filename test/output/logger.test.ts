// The init's logger (output/logger.ts): lines formatted directly until winston
// loads, when the init is idle, and through winston after: the same bytes and
// the same order either way, and a final line still marked final.
import test from 'ava';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../src/output/logger.js';

const require = createRequire(import.meta.url);
const winstonLoaded = (): boolean => Object.keys(require.cache).some((path) => /[\\/]node_modules[\\/]winston[\\/]/.test(path));

function recorder(): { lines: Array<[string, boolean]>; writer: { write(text: string, final?: boolean): void } } {
  const lines: Array<[string, boolean]> = [];
  return { lines, writer: { write: (text, final = false) => lines.push([text, final]) } };
}

test.serial('text: winston loads only when asked, after its idle time, and its lines are the same bytes as before', async (t) => {
  const { lines, writer } = recorder();
  const logger = createLogger('text', writer);
  logger.log('info', 'started the command as pid 8');
  logger.log('error', 'exiting with status 1', { exitCode: 1 }, true);
  t.false(winstonLoaded(), 'a line does not load winston');
  logger.loadMachinery(20);
  t.false(winstonLoaded(), 'not before the idle time');
  await sleep(100);
  t.true(winstonLoaded());
  logger.log('info', 'started the command as pid 8');
  logger.log('error', 'exiting with status 1', { exitCode: 1 }, true);
  t.deepEqual(lines.slice(2), lines.slice(0, 2));
  t.deepEqual(lines.slice(0, 2), [
    ['[INFO][docker-container-init] started the command as pid 8\n', false],
    ['[ERROR][docker-container-init] exiting with status 1\n', true],
  ]);
});

test.serial('JSON: the same objects, fields in the same order, before and after winston', async (t) => {
  const { lines, writer } = recorder();
  const logger = createLogger('json', writer);
  const say = (): void => logger.log('warn', 'sent SIGTERM to 2 processes', { signal: 'SIGTERM', target: 8 });
  say();
  logger.loadMachinery(0);
  await sleep(50);
  say();
  const [before, after] = lines.map(([text]) => text.replace(/"time":"[^"]+"/, '"time":"T"'));
  t.is(after, before);
  t.is(before, `{"level":"warn","message":"sent SIGTERM to 2 processes","time":"T","pid":${process.pid},"signal":"SIGTERM","target":8}\n`);
});
