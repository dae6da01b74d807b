// SPEC §2 through the built binary.
import test from 'ava';
import { tmp } from '../support/files.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logLines, runInit } from '../support/init.js';
import { helper, ROOT } from '../support/paths.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('-h prints the build line first, then usage and every option, on stdout; exit 0', async (t) => {
  const { code, stdout, stderr } = await runInit(['-h'], { namespace: false });
  t.is(code, 0);
  t.is(stderr, '');
  const lines = stdout.split('\n');
  t.regex(lines[0]!, /^docker-container-init built on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  t.regex(lines[1]!, /^Usage: docker-container-init \[options\] \[--\] \[command \[args\.\.\.\]\]$/);
  for (const flag of ['-W', '-B', '-I', '-g', '-r', '-D', '-v', '-p', '-e', '--rewrite', '--delay-term', '--grace', '-w', '--log-format', '-h', '--version']) {
    t.true(lines.some((line) => line.startsWith(`  ${flag} `)), `help lists ${flag}`);
  }
});

test('--version prints the package version on stdout; exit 0', async (t) => {
  const { code, stdout, stderr } = await runInit(['--version'], { namespace: false });
  t.is(code, 0);
  t.is(stderr, '');
  t.is(stdout, `docker-container-init ${version}\n`);
});

const badLines: Array<[string[], string]> = [
  [['-x'], 'unknown option -x'],
  [['-gq', '-v'], 'unknown option -q'],
  [['--bogus'], 'unknown option --bogus'],
  [['--version=2'], 'option --version takes no value'],
  [['-e', '300'], 'invalid exit code for -e: "300" (0..255)'],
  [['-p', 'NOPE'], 'unknown signal for -p: "NOPE"'],
  [['--rewrite', 'TERM'], 'invalid --rewrite "TERM" (FROM:TO, e.g. TERM:QUIT)'],
  [['--rewrite', 'STOP:TERM'], '--rewrite "STOP:TERM": SIGSTOP is never forwarded'],
  [['--delay-term', 'soon'], 'invalid --delay-term "soon" (seconds, e.g. 5 or 0.5)'],
  [['--log-format', 'xml'], 'invalid --log-format "xml" (text or json)'],
  [['-v', '-e', ''], 'option -e needs a value, and got an empty one'],
  [['--rewrite', 'RTMIN+1:USR2'], '--rewrite "RTMIN+1:USR2": SIGRTMIN+1 is caught only with -r'],
  [['--delay-term', '2147484'], 'invalid --delay-term "2147484" (at most 86400 seconds, a day)'],
  [['--grace', '-1'], 'invalid --grace "-1" (seconds, e.g. 5 or 0.5)'],
  [['--x\n[ERROR][docker-container-init] forged'], 'unknown option --x\\n[ERROR][docker-container-init] forged'],
  [['-\u001b[2J'], 'unknown option -\\x1b'],
];

for (const [args, problem] of badLines) {
  test(`a bad command line (${args.join(' ')}) prints one error line, starts nothing, exits 2`, async (t) => {
    const dir = tmp();
    const marker = join(dir, 'started');
    const { code, stdout, stderr } = await runInit([...args, 'touch', marker]);
    t.is(code, 2);
    t.is(stdout, '');
    t.is(stderr, `[ERROR][docker-container-init] ${problem} (see -h)\n`);
    t.false(existsSync(marker));
  });
}

test("docker-container-init sh -c 'exit 3' exits 3", async (t) => {
  const { code } = await runInit(['sh', '-c', 'exit 3']);
  t.is(code, 3);
});

test('options stop at the command: `some-cmd -g x` gets -g x, and the init does not take -g', async (t) => {
  const args = await runInit(['sh', '-c', 'printf "%s|" "$@"', 'sh', '-g', 'x']);
  t.is(args.stdout, '-g|x|');
  const probe = await runInit([helper('probe'), '0', '0', '-g', 'x']);
  const seen = JSON.parse(probe.stdout) as { pid: number; pgid: number };
  t.not(seen.pgid, seen.pid, 'no process group of its own: -g was the command\'s');
});

test('-- separates the init options from a command that looks like an option', async (t) => {
  const { code, stderr } = await runInit(['-v', '--', 'sh', '-c', 'exit 4']);
  t.is(code, 4);
  t.true(logLines(stderr).every((line) => !line.startsWith('[ERROR]')));
});

test('an option that needs a value and has none at the end: one error line, exit 2', async (t) => {
  const { code, stdout, stderr } = await runInit(['-p']);
  t.is(code, 2);
  t.is(stdout, '');
  t.is(stderr, '[ERROR][docker-container-init] option -p needs a value (see -h)\n');
});
