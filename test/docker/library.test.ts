// The library's snippets (docs/library.md), as pasted, in a Node.js app that is PID 1 of
// a real container: the ES module form (server.mjs, and server.js with "type":
// "module"), and the CommonJS form (server.cjs).
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../support/paths.js';
import { docker, NODE_IMAGES, runDetached, zombies } from './support.js';

const readme = readFileSync(join(ROOT, 'docs/library.md'), 'utf8');

/** docs/library.md's js code block that starts with `// NAME:`. */
function snippet(name: string): string {
  const block = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!).find((code) => code.startsWith(`// ${name}:`));
  if (block === undefined) throw new Error(`no snippet for ${name} in docs/library.md`);
  return block;
}

const forms = [
  { file: 'server.mjs', code: snippet('server.mjs'), packageJson: '{}' },
  { file: 'server.js', code: snippet('server.mjs'), packageJson: '{ "type": "module" }' },
  { file: 'server.cjs', code: snippet('server.cjs'), packageJson: '{}' },
];

for (const image of NODE_IMAGES) {
  for (const { file, code, packageJson } of forms) {
    test(`${image}: the docs' snippet as ${file}${file === 'server.js' ? ' with "type": "module"' : ''}: serves, reaps orphans, stops on docker stop`, async (t) => {
      // The app depends on the package (here: the one the image installed globally).
      const setup = [
        'mkdir -p /app/node_modules && cd /app',
        'ln -s "$(npm root -g)/docker-container-init" node_modules/docker-container-init',
        `printf '%s' '${packageJson}' > package.json`,
        `cat > ${file} <<'SNIPPET'\n${code}SNIPPET`,
        `exec node ${file}`,
      ].join('\n');
      const container = runDetached(['--entrypoint', 'sh', image, '-c', setup]);
      try {
        for (let i = 0; i < 100 && !container.exec('node', '-e', "require('http').get('http://127.0.0.1:3000/', (r) => r.pipe(process.stdout)).on('error', () => {})").stdout; i++) await sleep(100);
        t.is(container.exec('node', '-e', "require('http').get('http://127.0.0.1:3000/', (r) => r.pipe(process.stdout))").stdout, 'hello\n');
        t.regex(container.exec('cat', '/proc/1/cmdline').stdout, /^node\0server/, 'the app is PID 1');
        for (let i = 0; i < 3; i++) container.exec('sh', '-c', 'sleep 0.1 & exit 0');
        await sleep(800);
        t.is(zombies(container), 0, 'the orphans were reaped');
        docker(['stop', container.id]);
        t.is(container.wait(), 143, 'docker stop ends it (128 + SIGTERM)');
      } finally {
        container.cleanup();
      }
    });
  }
}

