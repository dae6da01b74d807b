import test from 'ava';
import { DEFAULT_OPTIONS, parseArguments } from '../../src/cli/parse.js';

const RANGE = { min: 34, max: 64 };

const run = (argv: string[]) => {
  const request = parseArguments(argv, RANGE);
  if (request.kind !== 'supervise') throw new Error(`expected a run, got ${request.kind}`);
  return request;
};

test('every flag of SPEC §2 reaches the typed options', (t) => {
  t.deepEqual(run(['-W', '-B', '-I', '-g', '-r', '-D', '-v', 'cmd']).options, {
    ...DEFAULT_OPTIONS,
    waitForChildren: false,
    broadcast: false,
    shutdownOnSigint: false,
    processGroup: true,
    realtime: true,
    skipPidCheck: true,
    verbosity: 1,
  });
  t.deepEqual(run([]).options, DEFAULT_OPTIONS);
  t.deepEqual(run(['-v']).options.exitCodes, [], 'no -e given is no code, not [undefined]');
});

test('-vv and -v -v both mean debug', (t) => {
  t.is(run(['-vv']).options.verbosity, 2);
  t.is(run(['-v', '-v']).options.verbosity, 2);
  t.is(run(['-gvv']).options.verbosity, 2);
});

test("the command's own flags stay the command's", (t) => {
  const request = run(['some-cmd', '-g', 'x']);
  t.false(request.options.processGroup);
  t.deepEqual(request.command, ['some-cmd', '-g', 'x']);
});

test('-h and --version are requests of their own', (t) => {
  t.is(parseArguments(['-h'], RANGE).kind, 'help');
  t.is(parseArguments(['-vh', 'cmd'], RANGE).kind, 'help');
  t.is(parseArguments(['--version'], RANGE).kind, 'version');
});

test('a bad command line is a usage error naming the problem', (t) => {
  t.deepEqual(parseArguments(['-q'], RANGE), { kind: 'usageError', message: 'unknown option -q', logFormat: 'text' });
});

test('every extended option of SPEC §8 reaches the typed options', (t) => {
  const { options } = run(['-p', 'SIGTERM', '-e', '143', '-e3', '--rewrite', 'TERM:QUIT', '--rewrite=usr1:0', '--delay-term', '1.5', '--grace', '0', '-w', '--log-format=json', 'cmd']);
  t.is(options.parentDeathSignal, 15);
  t.deepEqual(options.exitCodes, [143, 3]);
  t.deepEqual(options.rewrites, [[15, 3], [10, 0]]);
  t.is(options.delayTermMs, 1500);
  t.is(options.graceMs, 0, '--grace 0 is a value, not "no grace"');
  t.true(options.warnReaped);
  t.is(options.logFormat, 'json');
});

test('a value that starts with a dash stays a value', (t) => {
  t.deepEqual(parseArguments(['-p', '-e', 'cmd'], RANGE), { kind: 'usageError', message: 'unknown signal for -p: "-e"', logFormat: 'text' });
});

const badValues: Array<[string[], string]> = [
  [['-e', 'abc'], 'invalid exit code for -e: "abc" (0..255)'],
  [['-e', '256'], 'invalid exit code for -e: "256" (0..255)'],
  [['-e', '-1'], 'invalid exit code for -e: "-1" (0..255)'],
  [['-p', 'NOPE'], 'unknown signal for -p: "NOPE"'],
  [['-p', '65'], 'unknown signal for -p: "65"'],
  [['--rewrite', 'TERM'], 'invalid --rewrite "TERM" (FROM:TO, e.g. TERM:QUIT)'],
  [['--rewrite', 'TERM:'], 'invalid --rewrite "TERM:" (FROM:TO, e.g. TERM:QUIT)'],
  [['--rewrite', 'FOO:TERM'], 'unknown signal in --rewrite "FOO:TERM": "FOO"'],
  [['--rewrite', 'TERM:BAR'], 'unknown signal in --rewrite "TERM:BAR": "BAR"'],
  [['--rewrite', 'KILL:TERM'], '--rewrite "KILL:TERM": SIGKILL is never forwarded'],
  [['--rewrite', 'CHLD:TERM'], '--rewrite "CHLD:TERM": SIGCHLD is never forwarded'],
  [['--delay-term', 'soon'], 'invalid --delay-term "soon" (seconds, e.g. 5 or 0.5)'],
  [['--delay-term', '-1'], 'invalid --delay-term "-1" (seconds, e.g. 5 or 0.5)'],
  [['--delay-term', '2147484'], 'invalid --delay-term "2147484" (at most 86400 seconds, a day)'],
  [['--grace', '-1'], 'invalid --grace "-1" (seconds, e.g. 5 or 0.5)'],
  [['--grace', 'ten'], 'invalid --grace "ten" (seconds, e.g. 5 or 0.5)'],
  [['--grace', '86400.5'], 'invalid --grace "86400.5" (at most 86400 seconds, a day)'],
  [['--log-format', 'xml'], 'invalid --log-format "xml" (text or json)'],
];
for (const [argv, message] of badValues) {
  test(`a bad value is a usage error: ${argv.join(' ')}`, (t) => {
    t.deepEqual(parseArguments([...argv, 'cmd'], RANGE), { kind: 'usageError', message, logFormat: 'text' });
  });
}

test('signal names: with or without SIG, any case, numbers, realtime offsets', (t) => {
  const rewrite = (text: string) => run(['-r', '--rewrite', text, 'cmd']).options.rewrites[0];
  t.deepEqual(rewrite('sigterm:int'), [15, 2]);
  t.deepEqual(rewrite('15:2'), [15, 2]);
  t.deepEqual(rewrite('RTMIN+2:SIGRTMAX-1'), [36, 63]);
  t.deepEqual(rewrite('HUP:0'), [1, 0]);
});

test('a usage error asked for in JSON is reported in JSON', (t) => {
  t.like(parseArguments(['--log-format', 'json', '-e', 'x', 'cmd'], RANGE), { kind: 'usageError', logFormat: 'json' });
});

test('a single-valued option given twice takes the last value (ENTRYPOINT plus CMD often repeat one)', (t) => {
  const { options } = run(['--delay-term', '5', '--delay-term', '6', '-p', 'TERM', '-p', 'HUP', '--log-format', 'json', '--log-format=text', 'cmd']);
  t.is(options.delayTermMs, 6000);
  t.is(options.parentDeathSignal, 1);
  t.is(options.logFormat, 'text');
});

test('every value given is checked, not only the last', (t) => {
  const request = parseArguments(['--delay-term', 'soon', '--delay-term', '6', 'cmd'], RANGE);
  t.is(request.kind, 'usageError');
});

test('--rewrite of a realtime signal needs -r (or that signal as -p): otherwise it could never apply', (t) => {
  t.deepEqual(parseArguments(['--rewrite', 'RTMIN+1:USR2', 'cmd'], RANGE), {
    kind: 'usageError',
    message: '--rewrite "RTMIN+1:USR2": SIGRTMIN+1 is caught only with -r',
    logFormat: 'text',
  });
  t.is(parseArguments(['-r', '--rewrite', 'RTMIN+1:USR2', 'cmd'], RANGE).kind, 'supervise');
  t.is(parseArguments(['-p', 'RTMIN+1', '--rewrite', 'RTMIN+1:USR2', 'cmd'], RANGE).kind, 'supervise');
  t.is(parseArguments(['--rewrite', 'USR1:RTMIN+1', 'cmd'], RANGE).kind, 'supervise', 'sending one needs no -r');
});

test('--help asks for the help, as -h does', (t) => {
  t.is(parseArguments(['--help'], RANGE).kind, 'help');
});
