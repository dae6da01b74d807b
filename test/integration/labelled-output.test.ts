// SPEC §19 as PID 1 of a real PID namespace: every service's output, labelled
// as `docker compose up` prints it, through the init's one output path.
import test from 'ava';
import { chmodSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { fifo } from '../support/fifo.js';
import { readOr } from '../support/files.js';
import { runInit, startInit } from '../support/init.js';
import { servicesDir } from '../support/services.js';
import { waitFor } from '../support/wait.js';

const LINES = 20_000;

/** Services `names`, one-shots that `done` waits for: the container ends, status 0, once each has written all it had. */
function oneShots(services: Record<string, string>): string {
  const names = Object.keys(services);
  const entries = names.map((name) => `  ${name}:\n    command: ${services[name]}\n`).join('');
  const waits = names.map((name) => `      ${name}: {condition: service_completed_successfully}\n`).join('');
  return `services:\n${entries}  done:\n    command: ["true"]\n    depends_on:\n${waits}`;
}

test('two services writing at full speed: every line arrives once, whole, in order, with its own label, the names padded to one width', async (t) => {
  const svc = servicesDir();
  // $$i: the shell's variable, not one the init interpolates (Compose's $$).
  const writer = (name: string) => JSON.stringify(['sh', '-c', `i=0; while [ $$i -lt ${LINES} ]; do echo ${name}-line-$$i-end; i=$((i+1)); done`]);
  const path = svc.file(oneShots({ a: writer('a'), 'long-name': writer('b') }));
  const outcome = await runInit(['--services', path], { timeoutMs: 60_000 });
  t.is(outcome.code, 0, outcome.stderr);
  const lines = outcome.stdout.split('\n').filter(Boolean);
  const a = lines.filter((line) => line.startsWith('a         | '));
  const b = lines.filter((line) => line.startsWith('long-name | '));
  t.is(a.length + b.length, lines.length, 'each line has one of the two labels');
  t.deepEqual(a, Array.from({ length: LINES }, (_, i) => `a         | a-line-${i}-end`));
  t.deepEqual(b, Array.from({ length: LINES }, (_, i) => `long-name | b-line-${i}-end`));
});

test('a line of 1 MiB goes out in labelled pieces of 16 KiB, nothing lost; a last line without a newline goes out when the service ends', async (t) => {
  const svc = servicesDir();
  const path = svc.file(oneShots({ big: JSON.stringify(['sh', '-c', "yes x | head -c 2097152 | tr -d '\\n'; echo; printf 'last words'"]) }));
  const outcome = await runInit(['--services', path], { timeoutMs: 30_000 });
  t.is(outcome.code, 0, outcome.stderr);
  const lines = outcome.stdout.split('\n').filter(Boolean);
  t.true(lines.every((line) => line.startsWith('big  | ')));
  const pieces = lines.slice(0, -1).map((line) => line.slice('big  | '.length));
  t.is(pieces.length, 64, 'a line of 1 MiB: 64 pieces');
  t.true(pieces.every((piece) => piece === 'x'.repeat(16 * 1024)));
  t.is(lines.at(-1), 'big  | last words');
});

test('binary output passes as bytes; with --log-format json each line is one object (service, stream, line, time)', async (t) => {
  const svc = servicesDir();
  const script = svc.at('bytes.sh');
  writeFileSync(script, "#!/bin/sh\nprintf 'caf\\351 \\001\\377\\n'\necho to stderr >&2\n");
  chmodSync(script, 0o755);
  const path = svc.file(oneShots({ bin: JSON.stringify([script]) }));
  const text = await runInit(['--services', path], { timeoutMs: 30_000, encoding: 'latin1' });
  t.is(text.stdout, 'bin  | caf\xe9 \x01\xff\n');
  t.regex(text.stderr, /^bin {2}\| to stderr$/m);
  const json = await runInit(['--log-format', 'json', '--services', path], { timeoutMs: 30_000 });
  const line = JSON.parse(json.stdout.trim()) as Record<string, string>;
  t.like(line, { service: 'bin', stream: 'stdout', line: 'caf\ufffd \u0001\ufffd' });
  t.false(Number.isNaN(Date.parse(line['time']!)));
  const err = JSON.parse(json.stderr.split('\n').find((l) => l.includes('"service"'))!) as Record<string, string>;
  t.like(err, { service: 'bin', stream: 'stderr', line: 'to stderr' });
});

test('a service can keep the init\'s own descriptors: its output is neither read nor labelled', async (t) => {
  const svc = servicesDir();
  const path = svc.file(`services:\n  plain:\n    command: ["sh", "-c", "echo as it is; echo $(readlink /proc/$$$$/fd/1) $(readlink /proc/1/fd/1) > ${svc.at('fd')}"]\n    x-docker-container-init: {output: inherit}\n`);
  const outcome = await runInit(['--services', path], { timeoutMs: 30_000 });
  t.is(outcome.stdout, 'as it is\n');
  const [own, init] = readFileSync(svc.at('fd'), 'utf8').trim().split(' ');
  t.is(own, init, "the service's stdout is the init's");
});

test('a reader that stopped holds the service back, never the init: signals go on being forwarded, and once it reads, every line comes', async (t) => {
  const svc = servicesDir();
  const stdout = fifo();
  stdout.fill();
  const count = svc.at('count');
  const path = svc.file(`services:\n  chatty:\n    command: ["sh", "-c", "trap '' HUP; i=0; while [ $$i -lt 500000 ]; do echo line-$$i; i=$((i+1)); done; echo done > ${count}; exec sleep 1000"]\n`);
  const main = `trap 'echo hup >> ${svc.at('hups')}' HUP; echo ready > ${svc.at('ready')}; while :; do sleep 0.05; done`;
  const init = await startInit(['-v', '--services', path, 'sh', '-c', main], { stdio: ['ignore', stdout.writer, 'pipe'], timeoutMs: 60_000 });
  closeSync(stdout.writer);
  try {
    await waitFor('the command', () => readOr(svc.at('ready')) !== '');
    // Nobody reads: the service soon waits on its full pipe; the init still forwards.
    for (let i = 1; i <= 5; i++) {
      init.signal('SIGHUP');
      await waitFor(`SIGHUP ${i} at the command`, () => (readOr(svc.at('hups')).match(/hup/g) ?? []).length >= i, 5_000);
    }
    t.is(readOr(count), '', 'the service is held back while nobody reads');
    await waitFor('every line, once the reader reads', () => (stdout.drain(), stdout.endsWith('chatty | line-499999\n')), 30_000);
    const lines = stdout.text().split('\n').filter((line) => line.startsWith('chatty | line-'));
    t.is(lines.length, 500_000);
    init.signal('SIGTERM');
    t.is((await init.outcome).code, 143);
  } finally {
    stdout.close();
  }
});


test('a pipe the init writes to is made to hold 256 KiB (so that a reader that took a page does not wake it for a page); one that holds more keeps its size', async (t) => {
  for (const before of [undefined, 1024 * 1024]) {
    const svc = servicesDir();
    const stdout = fifo();
    if (before !== undefined) stdout.size(before);
    const path = svc.file('services:\n  hello:\n    command: ["sh", "-c", "echo hello; exec sleep 1000"]\n');
    const init = await startInit(['--services', path, 'sleep', '1000'], { stdio: ['ignore', stdout.writer, 'pipe'] });
    closeSync(stdout.writer);
    try {
      await waitFor('the labelled line', () => (stdout.drain(), stdout.text().includes('hello | hello\n')));
      t.is(stdout.size(), before ?? 256 * 1024, `a pipe that held ${before ?? 'the default 64 KiB'}`);
      init.signal('SIGTERM');
      t.is((await init.outcome).code, 143);
    } finally {
      stdout.close();
    }
  }
});
