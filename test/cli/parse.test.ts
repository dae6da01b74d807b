import test from 'ava';
import { parseArguments } from '../../src/cli/parse.js';

const run = (argv: string[]) => {
  const request = parseArguments(argv, '1.2.3');
  if (request.kind !== 'run') throw new Error(`expected a run, got ${request.kind}`);
  return request;
};

test('every flag of SPEC §2 reaches the typed options', (t) => {
  t.deepEqual(run(['-W', '-B', '-I', '-g', '-r', '-D', '-v', 'cmd']).options, {
    dontWait: true,
    dontBroadcast: true,
    ignoreSigint: true,
    processGroup: true,
    realtime: true,
    skipPidCheck: true,
    verbosity: 1,
  });
  t.deepEqual(run([]).options, {
    dontWait: false,
    dontBroadcast: false,
    ignoreSigint: false,
    processGroup: false,
    realtime: false,
    skipPidCheck: false,
    verbosity: 0,
  });
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
  t.is(parseArguments(['-h'], '1.2.3').kind, 'help');
  t.is(parseArguments(['-vh', 'cmd'], '1.2.3').kind, 'help');
  t.is(parseArguments(['--version'], '1.2.3').kind, 'version');
});

test('a bad command line is a usage error naming the problem', (t) => {
  t.deepEqual(parseArguments(['-q'], '1.2.3'), { kind: 'usageError', message: 'unknown option -q' });
});
