// Compose's interpolation of a services file's values (the Compose file
// reference, "Interpolation"), from the init's environment.
import test from 'ava';
import { interpolate } from '../../src/services-file/interpolate.js';
import { interpolateDocument } from '../../src/services-file/interpolate-document.js';

const ENVIRONMENT: Record<string, string> = { HOST: 'db', PORT: '5432', EMPTY: '', WHO: 'init' };
const lookup = (name: string): string | undefined => (Object.hasOwn(ENVIRONMENT, name) ? ENVIRONMENT[name] : undefined);
const text = (value: string): string => {
  const done = interpolate(value, lookup);
  return 'error' in done ? `error: ${done.error}` : done.text;
};

test('$NAME and ${NAME} stand for the variable; one that is not set for nothing, and is named once', (t) => {
  t.is(text('postgres://$HOST:${PORT}/app'), 'postgres://db:5432/app');
  t.is(text('$HOSTNAME'), '', 'the longest name: HOSTNAME, not HOST');
  t.is(text('${HOST}NAME'), 'dbNAME');
  t.deepEqual(interpolate('$NOPE-${NOPE}-$EMPTY-$ALSO', lookup), { text: '---', unset: ['NOPE', 'ALSO'] });
  t.deepEqual(interpolate('no variable here', lookup), { text: 'no variable here', unset: [] });
});

test('$$ is one literal $; a $ that starts no name stays as it is', (t) => {
  t.is(text('sh -c "echo $$HOME"'), 'sh -c "echo $HOME"');
  t.is(text('$$$$'), '$$');
  t.is(text('$${HOST}'), '${HOST}');
  t.is(text('cost: 5$, $5, $(date), $ alone, ends with $'), 'cost: 5$, $5, $(date), $ alone, ends with $');
  t.is(text('^/(sys|proc)($|/)'), '^/(sys|proc)($|/)');
});

test('defaults: :- when unset or empty, - when unset; interpolated only when taken', (t) => {
  t.is(text('${NOPE:-8080} ${EMPTY:-x} ${PORT:-1}'), '8080 x 5432');
  t.is(text('${NOPE-8080} ${EMPTY-x}|'), '8080 |');
  t.is(text('${NOPE:-${ALSO:-${HOST}}}'), 'db', 'nested');
  t.is(text('${NOPE:-a}b}'), 'ab}', 'the first closing brace of the expression ends it');
  t.deepEqual(interpolate('${HOST:-$NOPE}', lookup), { text: 'db', unset: [] }, 'a default not taken names nothing');
  t.deepEqual(interpolate('${EMPTY:-$NOPE}', lookup), { text: '', unset: ['NOPE'] });
});

test('alternatives: :+ when set and not empty, + when set', (t) => {
  t.is(text('[${HOST:+--host=$HOST}] [${EMPTY:+x}] [${EMPTY+x}] [${NOPE+x}]'), '[--host=db] [] [x] []');
});

test('required: :? refuses an unset or empty variable, ? an unset one, with the message interpolated', (t) => {
  t.is(text('${HOST:?} ${EMPTY?}'), 'db ');
  t.is(text('${NOPE:?set NOPE for $WHO}'), 'error: the variable NOPE is not set: set NOPE for init');
  t.is(text('${EMPTY:?}'), 'error: the variable EMPTY is empty');
  t.is(text('${NOPE?}'), 'error: the variable NOPE is not set');
});

test('a ${ that is no form Compose knows is refused, in one line', (t) => {
  t.is(text('${}'), 'error: ${} names no variable');
  t.is(text('${9LIVES}'), 'error: ${9LIVES} names no variable');
  t.is(text('${HOST/db/x}'), 'error: ${HOST/db/x} is no form Compose knows (${HOST}, with :-, -, :?, ?, :+ or +)');
  t.is(text('x ${HOST'), 'error: ${HOST has no closing }');
  t.is(text('${A:-${B}'), 'error: ${A:-${B} has no closing }');
});

test('a whole file: every string value at any depth, never a key; numbers and booleans as they are', (t) => {
  const document = {
    services: {
      web: { command: ['serve', '--port', '${PORT}'], environment: { $HOST: '$HOST' }, restart: 'no', 'x-n': 3, 'x-b': true, 'x-null': null },
    },
  };
  t.deepEqual(interpolateDocument(document, lookup), {
    value: { services: { web: { command: ['serve', '--port', '5432'], environment: { $HOST: 'db' }, restart: 'no', 'x-n': 3, 'x-b': true, 'x-null': null } } },
    unset: [],
  });
  const withProto = JSON.parse('{"__proto__": "$HOST"}') as object;
  const done = interpolateDocument(withProto, lookup) as { value: object };
  t.deepEqual(Object.entries(done.value), [['__proto__', 'db']], 'a key "__proto__" stays a key');
});

test('where each unset variable and the first error stand', (t) => {
  t.deepEqual(interpolateDocument({ services: { a: { command: ['x', '$NOPE'], environment: { B: '${ALSO}' } } } }, lookup), {
    value: { services: { a: { command: ['x', ''], environment: { B: '' } } } },
    unset: [
      { path: ['services', 'a', 'command', 1], name: 'NOPE' },
      { path: ['services', 'a', 'environment', 'B'], name: 'ALSO' },
    ],
  });
  t.deepEqual(interpolateDocument({ services: { a: { environment: ['URL=${DB:?needed}'] } } }, lookup), {
    error: 'the variable DB is not set: needed',
    path: ['services', 'a', 'environment', 0],
  });
});

test('where Compose makes an interpolated string a number or a boolean again, so does the file', (t) => {
  const services = (healthcheck: object) => ({ services: { a: { healthcheck, depends_on: { b: { required: '${NOPE:-false}' } }, env_file: [{ path: 'x', required: 'no' }] } } });
  t.deepEqual(interpolateDocument(services({ retries: '${RETRIES:-3}', disable: 'yes' }), lookup), {
    value: { services: { a: { healthcheck: { retries: 3, disable: true }, depends_on: { b: { required: false } }, env_file: [{ path: 'x', required: false }] } } },
    unset: [],
  });
  t.deepEqual(interpolateDocument(services({ retries: '${PORT}x' }), lookup), { error: '"5432x" is no whole number', path: ['services', 'a', 'healthcheck', 'retries'] });
  t.deepEqual(interpolateDocument(services({ disable: 'maybe' }), lookup), { error: '"maybe" is neither true nor false', path: ['services', 'a', 'healthcheck', 'disable'] });
  t.deepEqual(interpolateDocument({ services: { a: { command: '3', restart: 'yes' } } }, lookup), { value: { services: { a: { command: '3', restart: 'yes' } } }, unset: [] }, 'elsewhere strings stay strings');
});
