// build.sh: OUTPUT_FILENAME, like the original C project's build script.
import test from 'ava';
import { tmp } from '../support/files.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, runCommand } from '../support/init.js';
import { ROOT } from '../support/paths.js';

test('OUTPUT_FILENAME=path writes an executable bundle there that runs', (t) => {
  const dir = tmp();
  const output = join(dir, 'my-init');
  execFileSync(join(ROOT, 'build.sh'), { env: { ...process.env, OUTPUT_FILENAME: output }, stdio: 'pipe' });
  t.true((statSync(output).mode & 0o111) !== 0);
  t.true(readFileSync(output, 'utf8').startsWith('#!/bin/sh\n'), 'a shell launcher in front (src/launcher/npm-launcher.sh)');
  t.regex(execFileSync(output, ['--version'], { env: cleanEnv() }).toString(), /^docker-container-init \d+\.\d+\.\d+\n$/);
});

test('the bundle still runs when copied into an ES-module package folder', async (t) => {
  const dir = tmp();
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const output = join(dir, 'my-init');
  execFileSync(join(ROOT, 'build.sh'), { env: { ...process.env, OUTPUT_FILENAME: output }, stdio: 'pipe' });
  const run = await runCommand(['unshare', '--pid', '--fork', '--kill-child', '--mount-proc', output, 'sh', '-c', 'exit 5']);
  t.is(run.code, 5, run.stderr);
});

test('OUTPUT_FILENAME in a folder that does not exist: a clear error, no output', (t) => {
  const result = spawnSync(join(ROOT, 'build.sh'), { env: { ...process.env, OUTPUT_FILENAME: '/nonexistent-dir/x/init' } });
  t.not(result.status, 0);
  t.is(result.stderr.toString(), 'build.sh: OUTPUT_FILENAME=/nonexistent-dir/x/init: folder /nonexistent-dir/x does not exist\n');
});
