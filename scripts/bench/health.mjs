// (h) health checks (SPEC §18): what probing costs the init, and how soon a
// dependent starts once its dependency is ready.
// - Ten services, each probed every second (["CMD", "true"]): the init's own
//   CPU ticks and wake-ups (voluntary context switches of its main thread)
//   over 10 s, beside a shell loop that runs the same ten /bin/true every
//   second (what an entrypoint script's wait loop costs).
// - A service that becomes ready 0.3 s after its start (it creates a file its
//   probe looks for, start_interval 100 ms), and one that waits for it with
//   service_healthy: from the file's creation to the dependent's start.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cpuTicks, median, read, startAsPid1, waitFor } from './common.mjs';

const wakeUps = (pid) => Number(/^voluntary_ctxt_switches:\s*(\d+)$/m.exec(readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8'))[1]);

async function over(pid, ms) {
  const [ticks, wakes] = [cpuTicks(pid), wakeUps(pid)];
  await sleep(ms);
  return { ticks: cpuTicks(pid) - ticks, wakeUps: wakeUps(pid) - wakes };
}

export async function probingCost({ dci, bin, work, env, windowMs }) {
  const dir = mkdtempSync(join(work, 'health-'));
  const file = join(dir, 'services.yaml');
  writeFileSync(
    file,
    `services:\n${Array.from({ length: 10 }, (_, i) => `  s${i}:\n    command: ["${bin('service')}", "${join(dir, `s${i}.log`)}"]\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 1s\n`).join('')}`,
  );
  const init = await startAsPid1([dci, '--services', file], env);
  await sleep(3_000);
  const ours = await over(init.pid, windowMs);
  process.kill(init.pid, 'SIGKILL');
  await init.exited;
  const loop = spawn('sh', ['-c', 'while sleep 1; do for i in 0 1 2 3 4 5 6 7 8 9; do /bin/true; done; done'], { stdio: 'ignore' });
  await sleep(3_000);
  const shell = await over(loop.pid, windowMs);
  loop.kill('SIGKILL');
  return { ours, shell, probes: Math.round(windowMs / 1000) * 10 };
}

export async function readyToDependent({ dci, bin, work, env, runs }) {
  const gaps = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(work, 'ready-'));
    const [ready, started] = [join(dir, 'ready'), join(dir, 'started')];
    writeFileSync(
      join(dir, 'services.yaml'),
      `services:
  db:
    command: ["sh", "-c", "sleep 0.3; ${bin('stamp')} ${ready}; exec sleep 1000"]
    healthcheck:
      test: ["CMD", "test", "-s", "${ready}"]
      interval: 10s
      start_period: 10s
      start_interval: 100ms
  app:
    command: ["sh", "-c", "${bin('stamp')} ${started}; exec sleep 1000"]
    depends_on: {db: {condition: service_healthy}}
`,
    );
    const init = await startAsPid1([dci, '--services', join(dir, 'services.yaml')], env);
    await waitFor('the dependent', () => read(started).trim() !== '', 20_000);
    gaps.push(Number(BigInt(read(started).trim()) - BigInt(read(ready).trim())) / 1e6);
    process.kill(init.pid, 'SIGKILL');
    await init.exited;
  }
  return { ms: median(gaps), min: Math.min(...gaps), max: Math.max(...gaps) };
}
