// (i) the services' output (SPEC §16, §19): one service writes lines of 100
// bytes as fast as it can; the supervisor passes them on to its stdout, a
// pipe (a FIFO) that a reader in C reads at full speed. Lines and bytes per second from the
// first line read to the last, beside `cat` passing the same lines on (the
// floor: one process between the writer and the pipe). And the forwarding
// latency of part (c) while a service floods the output, beside the same
// without the flood.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { asPid1, measured, median, pairedLatencies, read, waitFor } from './common.mjs';

const SIZE = 100;
/** What docker-container-init makes a pipe it writes to hold (src/syscalls/pipe.ts, PIPE_BYTES). */
export const PIPE_BYTES = 256 * 1024;

/**
 * Runs argv as PID 1 with its stdout a pipe (a FIFO, not the socket pair that
 * node's 'pipe' gives: supervisord writes to /dev/stdout, which a socket
 * cannot be opened as) that scripts/bench/reader.c reads at full speed;
 * resolves with how long `count` lines took from the first byte.
 */
function throughput(argv, env, count, dir, reader, pipeBytes) {
  return new Promise((resolve, reject) => {
    const path = join(dir, `stdout-${process.hrtime.bigint()}`);
    execFileSync('mkfifo', [path]);
    const readEnd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const writeEnd = openSync(path, constants.O_WRONLY);
    const reading = spawn(reader, [String(count), ...(pipeBytes === undefined ? [] : [String(pipeBytes)])], { stdio: [readEnd, 'pipe', 'inherit'] });
    const child = spawn(asPid1(argv)[0], asPid1(argv).slice(1), { env, stdio: ['ignore', writeEnd, 'ignore'] });
    closeSync(readEnd);
    closeSync(writeEnd);
    let said = '';
    reading.stdout.on('data', (chunk) => (said += chunk));
    const timer = setTimeout(() => reading.kill('SIGKILL'), 120_000);
    reading.on('exit', (status) => {
      clearTimeout(timer);
      const pid = pid1(child.pid);
      if (pid > 0) process.kill(pid, 'SIGKILL');
      else child.kill('SIGKILL');
      if (status === 0) resolve(Number(said) / 1e6);
      else reject(new Error(`${argv[0]}: ${said.trim() || 'no answer within 120 s'} of ${count} lines`));
    });
    child.on('error', reject);
  });
}

/** The PID 1 of the namespace that `unshare` (pid) made, as the host knows it. */
const pid1 = (pid) => Number(read(`/proc/${pid}/task/${pid}/children`).trim().split(' ')[0]);

export async function outputThroughput({ supervisors, bin, work, env, count, runs }) {
  const rows = new Map();
  const flood = [bin('lines'), String(count), String(SIZE)];
  const catArgv = ['sh', '-c', `${flood.join(' ')} | cat`];
  // cat writes into the FIFO as it comes (64 KiB), and into one made as large
  // as the init makes the pipes it writes to (src/syscalls/pipe.ts).
  const subjects = [
    ['cat (the floor)', catArgv],
    [`cat, the FIFO made ${PIPE_BYTES / 1024} KiB first`, catArgv, {}, PIPE_BYTES],
  ];
  for (const supervisor of supervisors) {
    const dir = mkdtempSync(join(work, 'output-'));
    const config = join(dir, 'config');
    mkdirSync(config);
    const built = supervisor.build(config, [{ name: 'flood', argv: flood, restart: false }]);
    subjects.push([supervisor.name, built.argv, built.env]);
  }
  for (const [name, argv, extra, pipeBytes] of subjects) {
    const times = [];
    try {
      for (let i = 0; i < runs; i++) times.push(await throughput(argv, { ...env, ...extra }, count, work, bin('reader'), pipeBytes));
    } catch (error) {
      rows.set(name, { error: error.message });
      continue;
    }
    const ms = median(times);
    rows.set(name, { linesPerSecond: (count - 1) / (ms / 1000), megabytesPerSecond: ((count - 1) * SIZE) / 1e6 / (ms / 1000) });
  }
  return rows;
}

/** Part (c)'s latency, the command being the receiver, with and without a service that floods stdout. */
export async function floodLatency({ dci, bin, work, env, count }) {
  const run = async (withFlood) => {
    const dir = mkdtempSync(join(work, 'flood-'));
    const received = join(dir, 'recv');
    const sent = join(dir, 'sent');
    const services = join(dir, 'services.yaml');
    // Every forwarded signal reaches the services too: they ignore the SIGUSR1s (SIG_IGN survives exec).
    const service = withFlood ? `${bin('lines')} 0 ${SIZE}` : 'sleep 1000';
    writeFileSync(services, `services:\n  service:\n    command: ["sh", "-c", "trap '' USR1; exec ${service}"]\n`);
    const argv = asPid1([dci, '--services', services, '--', bin('latency'), 'recv', received]);
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume(); // read at full speed
    const pid = await waitFor('the namespace', () => pid1(child.pid) || undefined);
    await waitFor('the receiver', () => read(received).startsWith('ready'));
    await sleep(500);
    execFileSync(bin('latency'), ['send', String(pid), String(count), '2000', sent]);
    await waitFor('every signal', () => read(received).split('\n').length - 2 >= count, 15_000).catch(() => undefined);
    if (pid > 0) process.kill(pid, 'SIGKILL');
    return pairedLatencies(received, sent, count);
  };
  // The machine's load is taken during the quiet run: during the other, the flood is the load.
  const quiet = await measured(() => run(false));
  return { quiet: quiet.result, background: quiet.background, flooded: await run(true) };
}
