// (k) -D in a crowded namespace (issue 26): the init with -D, not PID 1 (a
// child subreaper), started by nsenter into a PID namespace that holds 10
// processes, and into one that holds 1,000, run by run in turn. Measured: from
// the spawn to the command's main() (the command writes the moment, as in part
// j), and from the spawn to the init's exit (`-- stamp` exits at once). What
// the init does as a subreaper (its own descendants, never the namespace)
// should not grow with the processes beside it.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { measured, median, read, waitFor } from './common.mjs';

/** A namespace whose PID 1 is a shell holding `count` sleeping processes; its PID 1's host pid, and a way to end it. */
async function crowd(count, env) {
  const holder = spawn('unshare', ['--pid', '--fork', '--mount-proc', 'sh', '-c', `i=0; while [ $i -lt ${count} ]; do sleep 100000 & i=$((i+1)); done; wait`], { env, stdio: 'ignore' });
  const pid1 = await waitFor('the namespace', () => Number(read(`/proc/${holder.pid}/task/${holder.pid}/children`).trim().split(' ')[0]) || undefined);
  await waitFor(`${count} processes`, () => read(`/proc/${pid1}/task/${pid1}/children`).trim().split(' ').filter(Boolean).length >= count, 60_000);
  return { pid1, end: () => process.kill(pid1, 'SIGKILL') };
}

export async function subreaperInCrowd({ dci, bin, work, env, runs }) {
  const sizes = [10, 1000];
  const crowds = [];
  for (const size of sizes) crowds.push(await crowd(size, env));
  try {
    const out = join(work, 'stamp-subreaper');
    const once = ({ pid1 }) => {
      const started = process.hrtime.bigint();
      spawnSync('nsenter', ['--target', String(pid1), '--pid', '--mount', '--', dci, '-D', '--', bin('stamp'), out], { env, stdio: 'ignore' });
      const exited = process.hrtime.bigint();
      const stamped = BigInt(read(out).trim() || '0');
      return { start: Number(stamped - started) / 1e6, exit: Number(exited - started) / 1e6 };
    };
    for (let i = 0; i < 3; i++) crowds.forEach(once);
    const times = crowds.map(() => ({ start: [], exit: [] }));
    // The machine's load while the runs run (making the crowds is not part of it).
    const { background } = await measured(async () => {
      for (let i = 0; i < runs; i++) {
        crowds.forEach((c, k) => {
          const { start, exit } = once(c);
          times[k].start.push(start);
          times[k].exit.push(exit);
        });
      }
    });
    return { background, rows: sizes.map((size, k) => ({ size, startMs: median(times[k].start), exitMs: median(times[k].exit) })) };
  } finally {
    for (const c of crowds) c.end();
  }
}
