import test from 'ava';
import { splitArguments, type Split } from '../../src/cli/getopt.js';

const keys = (split: Split): string[] => (split.ok ? split.options.map((o) => o.spec.key) : []);
const command = (split: Split): readonly string[] => (split.ok ? split.command : []);

test('clustered short flags count one by one (-gv, -vv)', (t) => {
  t.deepEqual(keys(splitArguments(['-gv', 'cmd'])), ['processGroup', 'verbose']);
  t.deepEqual(keys(splitArguments(['-vv'])), ['verbose', 'verbose']);
  t.deepEqual(keys(splitArguments(['-v', '-v', '-WBIrD'])), ['verbose', 'verbose', 'dontWait', 'dontBroadcast', 'ignoreSigint', 'realtime', 'skipPidCheck']);
});

test('parsing stops at the first non-option: the rest is the command, untouched', (t) => {
  const split = splitArguments(['-v', 'nginx', '-g', 'daemon off;']);
  t.deepEqual(keys(split), ['verbose']);
  t.deepEqual(command(split), ['nginx', '-g', 'daemon off;']);
  t.deepEqual(command(splitArguments(['some-cmd', '-g', 'x'])), ['some-cmd', '-g', 'x']);
});

test('-- ends the options, and a later -- belongs to the command', (t) => {
  const split = splitArguments(['-g', '--', '-v', '--', 'x']);
  t.deepEqual(keys(split), ['processGroup']);
  t.deepEqual(command(split), ['-v', '--', 'x']);
  t.deepEqual(command(splitArguments(['--'])), []);
});

test('a lone "-" is not an option: it starts the command', (t) => {
  t.deepEqual(command(splitArguments(['-v', '-', 'x'])), ['-', 'x']);
});

test('no arguments: no options, no command', (t) => {
  t.deepEqual(splitArguments([]), { ok: true, options: [], command: [] });
});

test('unknown options are named in the error, short or long, even inside a cluster', (t) => {
  t.deepEqual(splitArguments(['-x']), { ok: false, error: 'unknown option -x' });
  t.deepEqual(splitArguments(['-gx', 'cmd']), { ok: false, error: 'unknown option -x' });
  t.deepEqual(splitArguments(['--verbose']), { ok: false, error: 'unknown option --verbose' });
  t.deepEqual(splitArguments(['--version=2']), { ok: false, error: 'option --version takes no value' });
});

test('options after the command are not checked: they are the command\'s', (t) => {
  t.true(splitArguments(['cmd', '-x', '--bogus']).ok);
});

test('an empty value is a usage error wherever it stands: attached, after =, as the next argument, last', (t) => {
  for (const argv of [['-e', '', 'cmd'], ['-e', ''], ['--grace=', 'cmd'], ['--rewrite', ''], ['-v', '--delay-term', '', '--', 'x']]) {
    const split = splitArguments(argv);
    t.false(split.ok, JSON.stringify(argv));
    if (!split.ok) t.regex(split.error, /^option (-e|--grace|--rewrite|--delay-term) needs a value, and got an empty one$/);
  }
});

test('control characters in an unknown option are escaped: the error is always one line', (t) => {
  const long = splitArguments(['--bad\nline', 'cmd']);
  t.deepEqual(long, { ok: false, error: 'unknown option --bad\\nline' });
  const short = splitArguments(['-\u001b[31m']);
  t.deepEqual(short, { ok: false, error: 'unknown option -\\x1b' });
});

test('--help is -h', (t) => {
  t.deepEqual(keys(splitArguments(['--help'])), ['help']);
});
