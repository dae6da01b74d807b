// SPEC §12-§14 as PID 1 of a real PID namespace: under another init, beside
// the app's NODE_* settings, with hostile arguments and a stderr nobody reads,
// without /proc, with a /proc that is another namespace's.
import test from 'ava';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOr, tmp, untilReady } from '../support/files.js';
import { logLines, runCommand, runInit, startInit, type Outcome } from '../support/init.js';
import { helper, ROOT } from '../support/paths.js';
import { namespaceProcesses } from '../support/procfs.js';
import { SIGTERM } from '../support/signals.js';
import { recordedSignals, waitFor } from '../support/wait.js';
import { spawnSync } from 'node:child_process';

const NOT_PID1 = '[ERROR][docker-container-init] You have to either run this as pid 1 or specify the -D option\n';

// §12 -----------------------------------------------------------------------
for (const init of ['tini', 'catatonit', 'dumb-init']) {
  test(`under ${init} as PID 1 (docker run --init, podman), without -D: it runs, and says why`, async (t) => {
    const outcome = await runInit(['-v', 'sh', '-c', 'sleep 0.2 & exit 3'], { wrap: [init, '--'] });
    t.is(outcome.code, 3, outcome.stderr);
    t.regex(outcome.stderr, new RegExp(`\\[INFO\\]\\[docker-container-init\\] not PID 1, but PID 1 is ${init}, an init that reaps: running as with -D`));
    t.regex(outcome.stderr, /sent SIGTERM to 1 process/, 'its own leftover, as its descendant');
  });
}

test('under catatonit as podman run --init mounts it (/run/podman-init): it runs, and says why', async (t) => {
  const podmanInit = join(tmp(), 'podman-init');
  copyFileSync(spawnSync('sh', ['-c', 'command -v catatonit'], { encoding: 'utf8' }).stdout.trim(), podmanInit);
  chmodSync(podmanInit, 0o755);
  const outcome = await runInit(['-v', 'sh', '-c', 'exit 3'], { wrap: [podmanInit, '--'] });
  t.is(outcome.code, 3, outcome.stderr);
  t.regex(outcome.stderr, /not PID 1, but PID 1 is podman-init, an init that reaps: running as with -D/);
});

test('a shell that stays PID 1 (a shell-form ENTRYPOINT) still gets the exact line and status 1; nothing starts', async (t) => {
  const marker = join(tmp(), 'started');
  const outcome = await runInit([], { viaShell: `"$INIT" touch ${marker}; echo "status $?"` });
  t.is(outcome.stderr, NOT_PID1);
  t.is(outcome.stdout, 'status 1\n');
  t.false(existsSync(marker));
});

// §13 -----------------------------------------------------------------------
test("the app's NODE_OPTIONS never act on the init: a --require that does not resolve, --inspect, the library's register", async (t) => {
  const register = join(ROOT, 'dist/lib/register.js');
  for (const options of ['--require /no/such/agent.js', '--inspect=127.0.0.1:9339', `--import ${register}`, '--max-old-space-size=64']) {
    const log = join(tmp(), 'log');
    const init = await startInit(['-v', helper('sigrecord'), log, '0'], { env: { NODE_OPTIONS: options } });
    await waitFor('the recorder', () => readOr(log).startsWith('ready'));
    // A debugger would listen on 9339; the init opened none.
    const listening = readFileSync(`/proc/${init.hostPid}/net/tcp`, 'utf8').includes(':2483 ');
    t.false(listening, `${options}: no debugger in the init`);
    const environ = readFileSync(`/proc/${namespaceProcesses(init.hostPid).find((p) => p.comm === 'sigrecord')!.pid}/environ`, 'latin1');
    t.true(environ.split('\0').includes(`NODE_OPTIONS=${options}`), `${options}: the command has it, as given`);
    init.signal('SIGTERM');
    const outcome = await init.outcome;
    t.is(outcome.code, 0, `${options}: ${outcome.stderr}`);
    t.deepEqual(recordedSignals(log), [SIGTERM], `${options}: nothing but the SIGTERM reached the command`);
    t.true(logLines(outcome.stderr).every((line) => line.startsWith('[INFO]')), outcome.stderr);
  }
});

test('NODE_DEBUG, NODE_V8_COVERAGE and the rest of what Node reads are the command\'s alone', async (t) => {
  const coverage = tmp();
  const env = { NODE_DEBUG: 'timer,module,child_process', NODE_V8_COVERAGE: coverage, NODE_NO_WARNINGS: '1' };
  const outcome = await runInit(['-v', 'sh', '-c', 'echo "$NODE_DEBUG|$NODE_V8_COVERAGE|$NODE_NO_WARNINGS"'], { env });
  t.is(outcome.code, 0);
  t.is(outcome.stdout, `timer,module,child_process|${coverage}|1\n`);
  t.true(logLines(outcome.stderr).length === outcome.stderr.split('\n').filter(Boolean).length, `only the init's own lines: ${outcome.stderr}`);
  t.deepEqual(readdirSync(coverage), [], 'no coverage written by the init');
});

test("the command's environment is the one the init was given, byte for byte, the kept NODE_* settings included", async (t) => {
  const dir = tmp();
  // PID 1 is a shell that records what it hands to the program it starts, then execs the init.
  const script = [
    `export ODD="$(printf 'caf\\351')" NODE_OPTIONS="$(printf -- '--require x\\351')" NODE_EXTRA_CA_CERTS=/etc/ssl/x.pem`,
    `cat /proc/self/environ > ${join(dir, 'given')}`,
    `exec "$INIT" sh -c 'cat /proc/$$/environ > ${join(dir, 'command')}'`,
  ].join('\n');
  const outcome = await runInit([], { viaShell: script });
  t.is(outcome.code, 0, outcome.stderr);
  const entries = (file: string): string[] => readFileSync(join(dir, file), 'latin1').split('\0').filter(Boolean).sort();
  const given = entries('given').filter((entry) => !entry.startsWith('_=')); // the shell's own
  const got = entries('command').filter((entry) => !entry.startsWith('_='));
  t.deepEqual(got, given);
  t.true(got.includes('NODE_OPTIONS=--require x\xe9'));
  t.false(got.some((entry) => entry.startsWith('DOCKER_CONTAINER_INIT_KEPT_')));
});

// §14 -----------------------------------------------------------------------
test('arguments reach the command byte for byte, also when they are not UTF-8', async (t) => {
  const dir = tmp();
  const latin1 = Buffer.from(join(dir, 'caf\xe9'), 'latin1');
  writeFileSync(latin1, 'the bytes arrived\n');
  // A shell passes the Latin-1 name; node would have turned \xe9 into U+FFFD.
  const outcome = await runInit([], { viaShell: `exec "$INIT" -- cat "$(printf '%s/caf\\351' ${dir})"` });
  t.is(outcome.code, 0, outcome.stderr);
  t.is(outcome.stdout, 'the bytes arrived\n');
});

test('UTF-8 arguments reach the command byte for byte, U+FFFD among them', async (t) => {
  // Without U+FFFD the init takes the bytes from Node's strings; with it, from /proc/self/cmdline.
  for (const words of [['caf\u00e9', '\u{1F600}'], ['caf\u00e9', 'x\uFFFDy']]) {
    const outcome = await runInit(['--', 'printf', '%s|', ...words]);
    t.is(outcome.code, 0, outcome.stderr);
    t.is(outcome.stdout, words.map((word) => `${word}|`).join(''));
  }
});

test('the init is at / before the command exists; the command starts where the init was started', async (t) => {
  const cwd = tmp();
  const { code, stdout } = await runInit(['sh', '-c', 'readlink /proc/1/cwd; pwd'], { cwd });
  t.is(code, 0);
  t.is(stdout, `/\n${cwd}\n`);
});

test('ps and docker top show what the init runs', async (t) => {
  const init = await startInit(['-v', '--', 'sleep', '30']);
  await waitFor('the command', () => namespaceProcesses(init.hostPid).some((p) => p.comm === 'sleep'));
  t.is(readFileSync(`/proc/${init.hostPid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim(), 'docker-container-init -v -- sleep 30');
  init.signal('SIGTERM');
  await init.outcome;
});

test('-D with a /proc of another PID namespace (unshare --pid without --mount-proc) never signals outside its tree', async (t) => {
  const dir = tmp();
  const bystander = join(dir, 'bystander');
  const descendant = join(dir, 'descendant');
  // The namespace's PID 1 is a shell; /proc is still the host's.
  const script = [
    `${helper('sigrecord')} ${bystander} &`,
    `until [ -s ${bystander} ]; do sleep 0.01; done`,
    `"$INIT" -D -v -- sh -c '${helper('sigrecord')} ${descendant} 0 & ${untilReady(descendant)}; exit 5' 2>${join(dir, 'stderr')}`,
    `echo $? > ${join(dir, 'result')}`,
  ].join('\n');
  const run = await runCommand(['unshare', '--pid', '--fork', '--kill-child', 'sh', '-c', script]);
  t.is(run.code, 0, run.stderr);
  t.is(readOr(join(dir, 'result')).trim(), '5');
  t.deepEqual(recordedSignals(descendant), [SIGTERM], 'its own descendant got SIGTERM');
  t.deepEqual(recordedSignals(bystander), [], 'the bystander (and every process of the host) got nothing');
  t.regex(readOr(join(dir, 'stderr')), /sent SIGTERM to 1 process\n/);
});

test('without /proc, -h, --version and a bad command line work; a run fails with one line naming /proc', async (t) => {
  const withoutProc = (args: string): Promise<Outcome> =>
    runCommand(['unshare', '--mount', 'sh', '-c', `umount -l /proc && exec "$INIT" ${args}`]);
  const version = await withoutProc('--version');
  t.is(version.code, 0, version.stderr);
  t.regex(version.stdout, /^docker-container-init \d+\.\d+\.\d+\n$/);
  t.is((await withoutProc('-h')).code, 0);
  const bad = await withoutProc('-x true');
  t.is(bad.code, 2);
  t.is(bad.stderr, '[ERROR][docker-container-init] unknown option -x (see -h)\n');
  const run = await withoutProc('-D -- true');
  t.is(run.code, 1, run.stderr);
  t.regex(run.stderr, /^\[ERROR\]\[docker-container-init\] cannot run without \/proc \(it is not mounted\)[^\n]*\n$/);
});

/**
 * Runs `script` as PID 1 of a new namespace inside a cgroup of its own that
 * allows `pids` tasks. Whatever is left in the cgroup when the run ends (a
 * Node.js that could not start its threads aborts, and an aborting PID 1 of a
 * namespace hangs) is killed, so that nothing outlives the test.
 */
async function inPidsCgroup(pids: number, script: string): Promise<Outcome> {
  const cgroup = join('/sys/fs/cgroup/pids', `dci-test-${process.pid}-${pids}`);
  mkdirSync(cgroup, { recursive: true });
  if (!existsSync(join(cgroup, 'pids.max'))) throw new Error(`no pids cgroup at ${cgroup}: this test needs cgroup v1's pids controller`);
  writeFileSync(join(cgroup, 'pids.max'), String(pids));
  try {
    return await runCommand(['unshare', '--pid', '--fork', '--kill-child', '--mount-proc', 'sh', '-c', `echo $$ > ${cgroup}/cgroup.procs; ${script}`], { timeoutMs: 10_000 });
  } finally {
    await waitFor(`the cgroup ${cgroup} to empty`, () => {
      const left = readFileSync(join(cgroup, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean);
      for (const pid of left) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // gone already
        }
      }
      return left.length === 0;
    });
    rmdirSync(cgroup);
  }
}

test('a command that cannot be forked (a pids limit) ends with 125 and the reason, never 126 "not executable"', async (t) => {
  // The limit that leaves the init no task for the command is the number of
  // threads it has when it starts one, read by a first run. That number is
  // Node.js's own start-up threads; should a run at it find one more free (the
  // command starts) or one too few (Node.js cannot start, and is killed), the
  // number is read again: up to three tries, each one logged.
  let run: Outcome | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const probe = await inPidsCgroup(64, `exec "$INIT" sh -c 'grep Threads /proc/1/status'`);
    const threads = Number(/Threads:\s*(\d+)/.exec(probe.stdout)?.[1]);
    t.true(threads > 1, probe.stderr);
    run = await inPidsCgroup(threads, 'exec "$INIT" -- sh -c "exit 3"');
    if (run.code === 125) break;
    t.log(`try ${attempt}: at ${threads} tasks the run ended with ${run.code ?? run.signal}: ${run.stderr}`);
  }
  t.is(run!.code, 125, run!.stderr);
  t.regex(run!.stderr, /\[ERROR\]\[docker-container-init\] cannot run "sh": Resource temporarily unavailable \(no new process could be made: a pids or memory limit\?\)/);
});

test('an open files limit below what the init needs: one line naming it, status 1, nothing started; at that limit it runs', async (t) => {
  const marker = join(tmp(), 'started');
  // 23: one below, where every Node.js line and the single executable get as far as the check (Node 22 needs 22 to load at all).
  const below = await runInit(['touch', marker], { wrap: ['prlimit', '--nofile=23', '--'] });
  t.is(below.code, 1);
  t.is(below.stderr, '[ERROR][docker-container-init] the open files limit (ulimit -n) is 23, and the init needs at least 24: raise it (docker run --ulimit nofile=1024)\n');
  t.false(existsSync(marker));
  const at = await runInit(['-vv', helper('orphans'), '500', '4', 'reaped'], { wrap: ['prlimit', '--nofile=24', '--'] });
  t.is(at.code, 4, at.stderr);
  t.is((at.stderr.match(/ reaped pid \d+: exited with status 0/g) ?? []).length, 500);
});
