// What every part of npm run bench shares: statistics, waiting, an init as
// PID 1 of a fresh PID namespace, a process's memory and CPU from /proc, and
// the machine's background load while a part ran.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const asPid1 = (argv) => ['unshare', '--pid', '--fork', '--mount-proc', ...argv];
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
export const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
export const lines = (path, text) => read(path).split('\n').filter((line) => line === text).length;

export async function waitFor(what, check, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Starts argv as PID 1 of a new namespace; resolves its host pid and its exit. */
export async function startAsPid1(argv, env) {
  const child = spawn(asPid1(argv)[0], asPid1(argv).slice(1), { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const exited = new Promise((done) => child.on('exit', () => done(performance.now())));
  const pid = await waitFor('the namespace', () => {
    try {
      return Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0]) || undefined;
    } catch {
      return undefined;
    }
  });
  return { pid, exited, child };
}

const TICKS_PER_SECOND = 100;
/** Busy CPU time of the whole machine, and of this script with everything it waited for, in seconds. */
function cpuTimes() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = fields[3] + fields[4]; // idle + iowait
  const total = fields.reduce((a, b) => a + b, 0);
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const own = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15).map(Number); // utime stime cutime cstime
  return { busy: (total - idle) / TICKS_PER_SECOND, ours: own.reduce((a, b) => a + b, 0) / TICKS_PER_SECOND, at: performance.now() };
}
/** Runs `part`, and what the rest of the machine used meanwhile, in cores. */
export async function measured(part) {
  const before = cpuTimes();
  const result = await part();
  const after = cpuTimes();
  const seconds = (after.at - before.at) / 1000;
  const background = Math.max(0, (after.busy - before.busy - (after.ours - before.ours)) / seconds);
  return { result, background };
}
export const loadNote = (background) => `background load ${background.toFixed(2)} cores${background > 0.15 ? ' (perturbed: rerun before quoting)' : ''}`;


export function procStatus(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s*(\\d+)`, 'm').exec(status)[1]);
  const pss = Number(/^Pss:\s*(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))[1]);
  return { rssKiB: field('VmRSS'), pssKiB: pss, threads: field('Threads') };
}
export function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

/** Every process in the PID namespace of `pid` (host pids): its pid, command name, state and RSS in KiB. */
export function namespaceProcesses(pid) {
  const { readdirSync, readlinkSync } = process.getBuiltinModule('node:fs');
  const namespace = (p) => {
    try {
      return readlinkSync(`/proc/${p}/ns/pid`);
    } catch {
      return undefined;
    }
  };
  const own = namespace(pid);
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || namespace(entry) !== own) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const field = (name) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1] ?? '';
      found.push({ pid: Number(entry), comm: field('Name'), state: field('State')[0], rssKiB: Number.parseInt(field('VmRSS') || '0', 10) });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/**
 * Forwarding latencies from the latency helper's two files: each arrival
 * belongs to the last signal sent before it. Two SIGUSR1 that are pending at
 * the command at once merge into one (standard signals do), so a send may have
 * no arrival: that is counted as merged, not paired by index.
 */
export function pairedLatencies(received, sent, count) {
  const arrivals = read(received).split('\n').slice(1).filter(Boolean).map(BigInt);
  const departures = read(sent).split('\n').filter(Boolean).map(BigInt);
  const micros = [];
  let d = 0;
  for (const arrival of arrivals) {
    while (d + 1 < departures.length && departures[d + 1] <= arrival) d++;
    micros.push(Number(arrival - departures[d]) / 1000);
  }
  return { p50: percentile(micros, 50), p99: percentile(micros, 99), merged: count - arrivals.length };
}
