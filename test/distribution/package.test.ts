// The npm package: the tarball holds only what runs, and installed into an
// empty prefix it gives a working command, as PID 1 too.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInit } from '../support/init.js';
import { ROOT } from '../support/paths.js';

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

const pack = (args: string[]): PackResult =>
  (JSON.parse(execFileSync('npm', ['pack', '--json', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as PackResult[])[0]!;

test('the tarball holds only what runs: the bundled CLI, README, LICENSE', (t) => {
  t.deepEqual(pack(['--dry-run']).files.map((f) => f.path).sort(), [
    'LICENSE',
    'README.md',
    'dist/docker-container-init',
    'dist/package.json',
    'package.json',
  ]);
});

test.serial('installed from the tarball into an empty prefix: -h works, and it runs as PID 1', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'dci-pack-'));
  const { filename } = pack(['--pack-destination', work]);
  const prefix = join(work, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(work, filename)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  t.deepEqual(readdirSync(join(prefix, 'bin')), ['docker-container-init']);
  const installed = join(prefix, 'bin/docker-container-init');
  // With this checkout's node_modules hidden, so that only the installed package can serve.
  const only = (args: string) => `mount -t tmpfs none ${ROOT}/node_modules; exec ${installed} ${args}`;
  const help = await runInit([], { viaShell: only('-h') });
  t.is(help.code, 0, help.stderr);
  t.regex(help.stdout, /^docker-container-init built on /);
  const run = await runInit([], { viaShell: only(`-v sh -c 'sleep 0.2 & exit 3'`) });
  t.is(run.code, 3, run.stderr);
  t.regex(run.stderr, /sent SIGTERM to 1 process\n/);
});
