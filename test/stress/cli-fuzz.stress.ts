// SPEC §2, §7, §14: 2,000 random command lines through the built binary, as
// PID 1, with the options that take values given once and twice, good values
// and bad. Each must run as documented or be refused with exit 2 and one error
// line; never a stack trace, never the status of an uncaught exception. The
// pure parser (unit-tested on its own) says which of the two to expect.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { parseArguments } from '../../src/cli/parse.js';
import { startInit, type Outcome } from '../support/init.js';
import { waitFor } from '../support/wait.js';

const CASES = Number(process.env['FUZZ_CASES'] ?? 2_000);
const PARALLEL = 4;

const OPTION_TOKENS = ['-W', '-B', '-I', '-g', '-r', '-D', '-v', '-vv', '-gv', '-WBr', '-h', '--version', '--', '-Dv', '-w'];
// Options with their values, as one or two arguments; good values and bad ones.
const VALUE_TOKENS: readonly string[][] = [
  ['-p', 'TERM'], ['-pHUP'], ['-p', 'RTMIN+1'], ['-e', '5'], ['-e127'], ['-e', '143'], ['--rewrite', 'USR1:USR2'],
  ['--rewrite=HUP:0'], ['--delay-term', '0.01'], ['--delay-term=0'], ['--log-format', 'json'], ['--log-format=text'],
  ['-e', 'abc'], ['-e', ''], ['-p', 'NOPE'], ['-p', ''], ['--delay-term', '-1'], ['--delay-term', ''], ['--rewrite', 'TERM'],
  ['--rewrite', ''], ['--log-format', 'xml'], ['--log-format='], ['-e'], ['--delay-term'],
];
const BAD_TOKENS = ['-x', '-Z', '--bogus', '--version=1', '---', '-é', '--=', '-vx', '-h1', '--verbose', '-gq'];
const ODD_TOKENS = ['', ' ', '日本語', 'ünïcödé', '-', 'a b', '$(echo hi)', '--', '*', '\t'];
const COMMANDS = [['true'], ['sh', '-c', 'exit 5'], ['no-such-command-ü'], ['/'], ['sh', '-c', 'echo "$@"', 'x', '-g', '--']];

/** mulberry32: a small seeded generator, so that a failing seed can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function randomArgv(random: () => number): string[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const argv: string[] = [];
  const tokens = Math.floor(random() * 6);
  for (let i = 0; i < tokens; i++) {
    const r = random();
    if (r < 0.3) {
      const value = pick(VALUE_TOKENS);
      // Given twice, now and then: the last one wins, never a crash.
      argv.push(...value, ...(random() < 0.3 ? pick(VALUE_TOKENS.filter((other) => other[0]!.slice(0, 3) === value[0]!.slice(0, 3))) : []));
    } else {
      argv.push(pick(r < 0.65 ? OPTION_TOKENS : r < 0.85 ? BAD_TOKENS : ODD_TOKENS));
    }
  }
  if (random() < 0.85) argv.push(...pick(COMMANDS));
  return argv;
}

// Node itself catches SIGTERM from its first milliseconds (to restore the
// terminal, then die), so a caught SIGTERM does not mean the init listens yet.
// SIGPWR is the last signal the init starts to catch, and Node never does.
const SIGPWR_BIT = 1n << 29n;
function initListens(pid: number): boolean {
  try {
    const hex = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return hex !== undefined && (BigInt(`0x${hex}`) & SIGPWR_BIT) !== 0n;
  } catch {
    return false;
  }
}

const RANGE = { min: 34, max: 64 };
const LOG_LINE = /^\[(ERROR|WARN|INFO|DEBUG)\]\[docker-container-init\] /;

function isLogLine(line: string, json: boolean): boolean {
  if (!json) return LOG_LINE.test(line);
  try {
    const object = JSON.parse(line) as Record<string, unknown>;
    return ['error', 'warn', 'info', 'debug'].includes(object['level'] as string) && typeof object['message'] === 'string';
  } catch {
    return false;
  }
}

async function check(argv: string[]): Promise<string | undefined> {
  const request = parseArguments(argv, RANGE);
  const init = await startInit(argv, { timeoutMs: 20_000 });
  const noCommand = request.kind === 'supervise' && request.command.length === 0;
  if (noCommand) {
    // No-command mode waits for SIGTERM: send it once the init listens for it.
    await waitFor('the init to listen for signals', () => initListens(init.hostPid) || init.process.exitCode !== null, 10_000);
    if (init.process.exitCode === null) init.signal('SIGTERM');
  }
  const outcome: Outcome = await init.outcome;
  const what = `argv ${JSON.stringify(argv)} gave ${outcome.code}, stdout ${JSON.stringify(outcome.stdout)}, stderr ${JSON.stringify(outcome.stderr)}`;
  if (/\n\s+at |node:internal|Error:|TypeError|RangeError/.test(outcome.stderr)) return `a stack trace: ${what}`;
  const json = (request.kind === 'supervise' && request.options.logFormat === 'json') || (request.kind === 'usageError' && request.logFormat === 'json');
  if (!outcome.stderr.split('\n').every((line) => line === '' || isLogLine(line, json))) return `a stray line on stderr: ${what}`;
  if (request.kind === 'usageError') {
    const lines = outcome.stderr.split('\n').filter(Boolean);
    const message = `${request.message} (see -h)`;
    const said = lines.length === 1 && (json ? (JSON.parse(lines[0]!) as { message: string }).message === message : lines[0] === `[ERROR][docker-container-init] ${message}`);
    return outcome.code === 2 && said && outcome.stdout === '' ? undefined : `expected exit 2 and one line ${JSON.stringify(message)}: ${what}`;
  }
  if (request.kind === 'help') return outcome.code === 0 && outcome.stdout.startsWith('docker-container-init built on ') ? undefined : `expected help: ${what}`;
  if (request.kind === 'version') return outcome.code === 0 && /^docker-container-init \d+\.\d+\.\d+\n$/.test(outcome.stdout) ? undefined : `expected the version: ${what}`;
  if (noCommand) return outcome.code === 0 ? undefined : `expected 0 after SIGTERM: ${what}`;
  const name = request.command[0]!;
  const status = name === 'true' ? 0 : name === 'sh' ? (request.command[2] === 'exit 5' ? 5 : 0) : name === '/' ? 126 : 127;
  const expectedCode = request.options.exitCodes.includes(status) ? 0 : status;
  if (outcome.code !== expectedCode) return `expected exit ${expectedCode}: ${what}`;
  const messages = outcome.stderr.split('\n').filter(Boolean).map((line) => (json ? (JSON.parse(line) as { message: string }).message : line));
  if (status >= 126 && !messages.some((message) => message.includes(`cannot run ${JSON.stringify(name)}: `))) return `expected an error naming the command: ${what}`;
  return undefined;
}

test(`${CASES} random command lines: documented behaviour or exit 2 with one line, never a crash`, async (t) => {
  const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000_007);
  t.log(`seed ${seed} (FUZZ_SEED=${seed} replays it)`);
  const random = generator(seed);
  const cases = Array.from({ length: CASES }, () => randomArgv(random));
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const argv = cases[next++]!;
      const started = Date.now();
      const problem = await check(argv);
      if (problem) failures.push(problem);
      if (Date.now() - started > 3_000) t.log(`slow (${Date.now() - started} ms): ${JSON.stringify(argv)}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  t.deepEqual(failures.slice(0, 5), [], `seed ${seed}: ${failures.length} failures`);
});
