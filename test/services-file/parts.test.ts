// The pieces a services file is read with: command words, durations, env
// files, users, the start order.
import test from 'ava';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandWords } from '../../src/services-file/command-words.js';
import { dependencyOrder } from '../../src/services-file/dependency-order.js';
import { durationMs } from '../../src/services-file/durations.js';
import { parseEnvFile } from '../../src/services-file/env-file.js';
import { readBounded } from '../../src/services-file/read-bounded.js';
import { resolveUser } from '../../src/services-file/users.js';
import { tmp } from '../support/files.js';

test('a string command is split into words as Compose splits it: quotes group, a backslash takes the next character, nothing expands', (t) => {
  t.deepEqual(commandWords(`nginx -g 'daemon off;'`), { words: ['nginx', '-g', 'daemon off;'] });
  t.deepEqual(commandWords(`sh -c "echo \\"$HOME\\" \\\\ x"`), { words: ['sh', '-c', 'echo "$HOME" \\ x'] });
  t.deepEqual(commandWords('a\\ b  c\t d'), { words: ['a b', 'c', 'd'] });
  t.deepEqual(commandWords(`x '' ""`), { words: ['x', '', ''] });
  t.deepEqual(commandWords(`x 'open`), { error: "has an unclosed '" });
  t.deepEqual(commandWords('x \\'), { error: 'ends with a lone backslash' });
});

test("Compose's durations, and a bare number as seconds", (t) => {
  t.is(durationMs('10s'), 10_000);
  t.is(durationMs('1m30s'), 90_000);
  t.is(durationMs('1.5s'), 1_500);
  t.is(durationMs('500ms'), 500);
  t.is(durationMs('2h'), 7_200_000);
  t.is(durationMs('100us'), 0);
  t.is(durationMs(3), 3_000);
  for (const bad of ['', '10', '10 s', 's', '1x', '-1s', -1, Number.NaN]) t.is(durationMs(bad), undefined, String(bad));
});

const noVariables = (): undefined => undefined;

test('an env_file as Compose reads one: comments, export, quotes, a name alone', (t) => {
  const text = ['# a comment', '', 'A=1', 'export B=two words', "C='x # y'", 'D="line\\nnext"', 'E=v # note', 'F', ' G = g '].join('\n');
  t.deepEqual(parseEnvFile(text, noVariables), {
    entries: [['A', '1'], ['B', 'two words'], ['C', 'x # y'], ['D', 'line\nnext'], ['E', 'v'], ['F', undefined], ['G', 'g']],
    unset: [],
  });
  t.deepEqual(parseEnvFile('A=1\n=2\n', noVariables), { error: 'line 2: "=2" is no VAR=value' });
});

test("an env_file's unquoted and double-quoted values are interpolated, from the lines above, then the environment; single quotes keep them", (t) => {
  const environment: Record<string, string> = { HOST: 'db.internal', A: 'from the environment' };
  const text = ['A=first', 'URL=postgres://${HOST}:${PORT:-5432}/$A', 'QUOTED="$A and $$"', "LITERAL='${HOST} $A'", 'EMPTY=${NOPE}x'].join('\n');
  t.deepEqual(parseEnvFile(text, (name) => environment[name]), {
    entries: [['A', 'first'], ['URL', 'postgres://db.internal:5432/first'], ['QUOTED', 'first and $'], ['LITERAL', '${HOST} $A'], ['EMPTY', 'x']],
    unset: ['NOPE'],
  });
  t.deepEqual(parseEnvFile('A=1\nB=${A:?needed}\nC=${D:?needed}\n', noVariables), { error: 'line 3: the variable D is not set: needed' });
});

test("an env_file with format: raw: each value the rest of its line as written, no quotes taken off, no comment, no interpolation", (t) => {
  const text = ['# a comment', 'A="quoted" # kept', "B='${HOST}'", 'C=$HOST $$ x', 'D= spaced ', 'E'].join('\n');
  t.deepEqual(parseEnvFile(text, () => 'host', true), {
    entries: [['A', '"quoted" # kept'], ['B', "'${HOST}'"], ['C', '$HOST $$ x'], ['D', ' spaced '], ['E', undefined]],
    unset: [],
  });
});

test('users and groups from /etc/passwd and /etc/group: names, ids, supplementary groups as su-exec sets them, group_add; the home folder, / without an entry', (t) => {
  const dir = tmp('dci-users-');
  const files = { passwd: join(dir, 'passwd'), group: join(dir, 'group') };
  writeFileSync(files.passwd, 'root:x:0:0:root:/root:/bin/sh\nwww:x:33:33::/var/www:/bin/sh\n');
  writeFileSync(files.group, 'root:x:0:\nwww:x:33:\nlogs:x:40:www,other\naudio:x:29:\n');
  t.deepEqual(resolveUser('www', [], files), { ids: { uid: 33, gid: 33, groups: [33, 40] }, home: '/var/www' });
  t.deepEqual(resolveUser('33', [], files), { ids: { uid: 33, gid: 33, groups: [33, 40] }, home: '/var/www' });
  t.deepEqual(resolveUser('www:audio', [], files), { ids: { uid: 33, gid: 29, groups: [29, 40] }, home: '/var/www' });
  t.deepEqual(resolveUser('1234', [], files), { ids: { uid: 1234, gid: 0, groups: [0] }, home: '/' }, 'a uid without an entry: group 0 and home /, as docker run --user');
  t.deepEqual(resolveUser('1234:5678', ['audio', '7'], files), { ids: { uid: 1234, gid: 5678, groups: [5678, 29, 7] }, home: '/' });
  t.deepEqual(resolveUser('nobody', [], files), { error: `no user "nobody" in ${files.passwd}` });
  t.deepEqual(resolveUser('www:nogroup', [], files), { error: `no group "nogroup" in ${files.group}` });
  t.deepEqual(resolveUser('www', ['video'], files), { error: `group_add: no group "video" in ${files.group}` });
  t.deepEqual(resolveUser('a:b:c', [], files), { error: '"a:b:c" is no user (name, uid, uid:gid or name:group)' });
});

test('start order: dependencies first, independent services in the order of the file; a circle and a missing service are named', (t) => {
  const order = (entries: Array<[string, string[]]>) => dependencyOrder(new Map(entries));
  t.deepEqual(order([['app', ['db', 'cache']], ['db', []], ['worker', ['app']], ['cache', []]]), { order: ['db', 'cache', 'app', 'worker'] });
  t.deepEqual(order([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', []]]), { error: 'the services wait for each other in a circle: a → b → c → a' });
  t.deepEqual(order([['a', ['a']]]), { error: 'the services wait for each other in a circle: a → a' });
  t.deepEqual(order([['a', ['nope']]]), { error: 'nope is no service of this file', service: 'a' });
});

test('a file is read whole, past the size it had when opened (a /proc file says 0 bytes), and never past 1 MiB', (t) => {
  const growing = '/proc/self/mountinfo';
  t.is(statSync(growing).size, 0);
  t.deepEqual(readBounded(growing), { text: readFileSync(growing, 'utf8') });
  const dir = tmp('dci-read-');
  const exact = join(dir, 'exact.yaml');
  writeFileSync(exact, 'x'.repeat(1024 * 1024));
  t.is((readBounded(exact) as { text: string }).text.length, 1024 * 1024);
});
