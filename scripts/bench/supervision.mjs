// (g) supervision (SPEC §17): the same ten programs under the init's
// services and under s6, runit, supervisord and pm2-runtime, each supervisor
// PID 1 of a namespace of its own. Nine run until stopped; one crashes 1.2 s
// after each start (long enough that s6 and runit do not hold its restart back
// by their one second). Measured: the time from start until all ten run; from
// each crash to its replacement running, less the delay the supervisor was
// configured with (the init's: Docker's backoff, 0.1 s doubling); the memory
// of the supervisor's own processes; and the zombies left 1 s after 100
// orphans were handed to PID 1 (a docker exec session's, say).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { median, namespaceProcesses, read, startAsPid1, waitFor } from './common.mjs';

const RUN_MS = 1200;
const CRASHES = 4;
/** The programs' names, as /proc shows them. */
const PROGRAMS = new Set(['service', 'crasher']);

/** The init's own restart delays: Docker's backoff. */
const delays = (name) => Array.from({ length: CRASHES }, (_, i) => (name === 'docker-container-init' ? 100 * 2 ** i : 0));

export async function supervision({ supervisors, bin, work, env }) {
  const rows = [];
  for (const supervisor of supervisors) {
    const dir = mkdtempSync(join(work, 'supervision-'));
    const logs = Array.from({ length: 9 }, (_, i) => join(dir, `service-${i}.log`));
    const crashes = join(dir, 'crasher.log');
    const programs = [...logs.map((log, i) => ({ name: `service${i}`, argv: [bin('service'), log] })), { name: 'crasher', argv: [bin('crasher'), crashes, String(RUN_MS)] }];
    const config = join(dir, 'config');
    mkdirSync(config);
    const built = supervisor.build(config, programs);
    const started = performance.now();
    const run = await startAsPid1(built.argv, { ...env, ...built.env });
    try {
      await waitFor('all ten', () => logs.every((log) => read(log).includes('up')) && read(crashes).includes('start'), 60_000);
      const startMs = performance.now() - started;
      await waitFor('the crashes', () => read(crashes).split('\n').filter((line) => line.startsWith('start')).length > CRASHES, 60_000);
      const events = read(crashes).split('\n').filter(Boolean).map((line) => line.split(' '));
      const starts = events.filter(([what]) => what === 'start').map(([, ns]) => BigInt(ns));
      const exits = events.filter(([what]) => what === 'exit').map(([, ns]) => BigInt(ns));
      const gaps = delays(supervisor.name).map((delay, i) => Number(starts[i + 1] - exits[i]) / 1e6 - delay);
      // Its own processes: all but the programs (a name such as node's differs between lines: Node.js 24 names its main thread MainThread).
      const own = namespaceProcesses(run.pid).filter((p) => !PROGRAMS.has(p.comm));
      if (process.env.BENCH_DEBUG) console.error(supervisor.name, own);
      const memoryKiB = own.reduce((sum, p) => sum + p.rssKiB, 0);
      const ownProcesses = own.length;
      execFileSync('nsenter', ['--target', String(run.pid), '--pid', '--mount', bin('orphans'), '100', '0', 'all']);
      await sleep(1000);
      const zombies = namespaceProcesses(run.pid).filter((p) => p.state === 'Z').length;
      rows.push({ name: supervisor.name, startMs, restartMs: median(gaps), memoryKiB, ownProcesses, zombies });
    } finally {
      process.kill(run.pid, 'SIGKILL');
      await run.exited;
    }
  }
  return rows;
}
