// The init's memory (syscalls/release-file-pages.ts): a few seconds after
// start-up, not at once (a command that exits at once never waits for it), the
// init hands back the pages of its executable that start-up read; a page needed
// again is read back, so the init goes on working. Pages another process maps
// too stay (the kernel leaves them), so the init runs from an executable of its
// own here: a copy of node (for the npm package's launcher), or the single
// executable, which nothing else maps.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from '../support/files.js';
import { startInit } from '../support/init.js';
import { INIT } from '../support/paths.js';
import { waitFor } from '../support/wait.js';

/** Resident KiB of the mappings of `path` in process `pid`. */
function residentOf(pid: number, path: string): number {
  let total = 0;
  let inside = false;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inside = line.endsWith(` ${path}`);
    else if (inside && line.startsWith('Rss:')) total += Number.parseInt(line.slice(4), 10);
  }
  return total;
}

test('a few seconds after start-up the pages start-up read go back, and the init goes on working', async (t) => {
  const dir = tmp();
  // The npm package runs node from PATH: a copy of node. The single executable: a copy of it.
  const launcher = readFileSync(INIT).subarray(0, 2).toString() === '#!';
  const own = launcher ? join(dir, 'node') : join(dir, 'docker-container-init');
  copyFileSync(launcher ? process.execPath : INIT, own);
  chmodSync(own, 0o755);
  // A process that another test forked while the copy was written holds it
  // open for writing until that process execs; an exec of the copy meanwhile
  // fails with ETXTBSY, and the launcher's shell would then run the next node
  // in PATH (seen once in CI: the wait below timed out). Run it once first.
  await waitFor('the copy to run', () => (spawnSync(own, ['--version']).error as NodeJS.ErrnoException | undefined)?.code !== 'ETXTBSY', 10_000);
  const argv = ['--', 'sleep', '1000'];
  const init = launcher
    ? await startInit(argv, { env: { PATH: `${dir}:${process.env['PATH']}` }, timeoutMs: 40_000 })
    : await startInit([own, ...argv], { noInit: true, timeoutMs: 40_000 });
  // PID 1 is a shell that mounts a /run of its own first (support/init.ts), then execs the init.
  const executable = await waitFor('the init', () => readlinkSync(`/proc/${init.hostPid}/exe`) === own && own, 20_000);
  // Once it runs its command, start-up is over.
  await waitFor('the command', () => readFileSync(`/proc/${init.hostPid}/task/${init.hostPid}/children`, 'utf8').trim() !== '');
  const before = residentOf(init.hostPid, executable);
  t.true(before > 10 * 1024, `${before} KiB of the executable resident after start-up`);
  const after = await waitFor('the pages to go back', () => {
    const now = residentOf(init.hostPid, executable);
    return now < before / 2 ? now : undefined;
  }, 20_000);
  t.log(`resident pages of ${executable}: ${before} KiB after start-up, ${after} KiB once handed back`);
  init.signal('SIGTERM');
  const outcome = await init.outcome;
  t.is(outcome.code, 143, outcome.stderr);
});
