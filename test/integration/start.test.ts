// SPEC §3.1 and §6 (first point): how the init starts and starts its command.
import test from 'ava';
import { tmp } from '../support/files.js';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { logLines, runInit, startInit } from '../support/init.js';
import { helper } from '../support/paths.js';
import { hostProcess, zombiesIn } from '../support/procfs.js';
import { waitFor } from '../support/wait.js';

interface Probe {
  pid: number;
  ppid: number;
  pgid: number;
  cwd: string;
  SigBlk: string;
  SigIgn: string;
  SigCgt: string;
  fds: Array<{ fd: number; target: string; nonblock: boolean }>;
}

const NOT_PID1 = '[ERROR][docker-container-init] You have to either run this as pid 1 or specify the -D option\n';

test('not PID 1 and no -D: the exact error line, through a pipe, exit 1, nothing started', async (t) => {
  const dir = tmp();
  const { code, stdout, stderr } = await runInit(['touch', join(dir, 'started')], { namespace: false });
  t.is(code, 1);
  t.is(stdout, '');
  t.is(stderr, NOT_PID1);
  t.false(existsSync(join(dir, 'started')), 'the command did not run');
});

test('-D makes the init the child subreaper: an orphan of its tree is re-parented to it and reaped', async (t) => {
  // -B: the orphan is left to finish on its own, so that it exits rather than dies of the broadcast.
  // The orphan goes on until the test has seen it re-parented.
  const go = join(tmp(), 'go');
  const init = await startInit(['-D', '-B', '-vv', 'sh', '-c', `sh -c 'until [ -e ${go} ]; do sleep 0.01; done' & echo $!; exit 0`], { namespace: false });
  const orphan = await waitFor('the orphan pid', () => Number(init.stdout().trim()) || undefined);
  await waitFor('the orphan to be re-parented', () => hostProcess(orphan)?.ppid === init.hostPid);
  writeFileSync(go, '');
  const outcome = await init.outcome;
  t.is(outcome.code, 0);
  t.true(logLines(outcome.stderr).includes(`[DEBUG][docker-container-init] reaped pid ${orphan}: exited with status 0`));
});

test('the command starts with every signal at its default, an empty mask, in the working directory it was given', async (t) => {
  const cwd = tmp();
  const { code, stdout } = await runInit(['-vv', helper('probe')], { cwd });
  t.is(code, 0);
  const probe = JSON.parse(stdout) as Probe;
  t.is(probe.SigIgn, '0000000000000000', 'nothing ignored (Node ignores SIGPIPE and SIGXFSZ; glibc would ignore 32 and 33)');
  t.is(probe.SigBlk, '0000000000000000');
  t.is(probe.SigCgt, '0000000000000000');
  t.is(probe.cwd, cwd);
});

for (const options of [['-vv'], []]) {
  test(`the command gets exactly the descriptors the init inherited, none of Node's, blocking (${options.join(' ') || 'no options'})`, async (t) => {
    const dir = tmp();
    const file = openSync(join(dir, 'three'), 'w');
    const high = openSync(join(dir, 'twenty'), 'w');
    const stdio: Array<'ignore' | 'pipe' | number> = ['ignore', 'pipe', 'pipe', file];
    while (stdio.length < 20) stdio.push('ignore');
    stdio.push(high);
    // PID 1 is a shell that records its own descriptors (what the init will inherit), then execs the init.
    const inherited = join(dir, 'inherited');
    // (In a subshell: dash would otherwise park its stdout at fd 10 for the redirection.)
    const script = `(ls /proc/$$/fd > ${inherited}); exec "$INIT" "$@"`;
    const { code, stdout, stderr } = await runInit([...options, helper('probe')], { stdio, viaShell: script });
    closeSync(file);
    closeSync(high);
    t.is(code, 0, stderr);
    const expected = readFileSync(inherited, 'utf8').split('\n').filter(Boolean).map(Number).sort((a, b) => a - b);
    t.true(expected.includes(3) && expected.includes(20));
    const probe = JSON.parse(stdout) as Probe;
    t.deepEqual(
      probe.fds.map((d) => d.fd),
      expected,
    );
    const byFd = new Map(probe.fds.map((d) => [d.fd, d]));
    t.is(byFd.get(3)!.target, join(dir, 'three'));
    t.is(byFd.get(20)!.target, join(dir, 'twenty'));
    t.false(byFd.get(1)!.nonblock, 'stdout stays blocking');
    t.false(byFd.get(2)!.nonblock, 'stderr stays blocking though the init logged to it');
  });
}

test('command not found: one error line with the reason, status 127', async (t) => {
  const { code, stderr } = await runInit(['no-such-command-xyz']);
  t.is(code, 127);
  t.deepEqual(logLines(stderr), ['[ERROR][docker-container-init] cannot run "no-such-command-xyz": No such file or directory']);
});

test('command found but not executable: one error line with the reason, status 126', async (t) => {
  const { code, stderr } = await runInit(['/etc/passwd']);
  t.is(code, 126);
  t.deepEqual(logLines(stderr), ['[ERROR][docker-container-init] cannot run "/etc/passwd": Permission denied']);
});

test("once the command runs, the init's own working directory is /", async (t) => {
  const cwd = tmp();
  mkdirSync(join(cwd, 'sub'));
  const init = await startInit([helper('probe'), '0', '1500'], { cwd: join(cwd, 'sub') });
  await waitFor('the probe to run', () => init.stdout().includes('"cwd"'));
  // The probe stays up 1.5 s; the init has moved to / long before.
  await waitFor('the init to move to /', () => readlinkSync(`/proc/${init.hostPid}/cwd`) === '/', 1_000);
  t.is(readlinkSync(`/proc/${init.hostPid}/cwd`), '/');
  t.is((JSON.parse(init.stdout()) as Probe).cwd, join(cwd, 'sub'));
  t.is((await init.outcome).code, 0);
});

test('zombies that exist when the init is exec\'d are reaped at once', async (t) => {
  // PID 1 has two zombie children when it execs the init.
  const script = `exec ${helper('zombify')} 2 "$INIT" -vv -- sleep 2`;
  const init = await startInit([], { viaShell: script });
  await waitFor('the init to start its command', () => init.stderr().includes('started the command'));
  t.deepEqual(zombiesIn(init.hostPid), []);
  const lines = logLines((await init.outcome).stderr);
  const started = lines.findIndex((line) => line.includes('started the command'));
  const reapedBefore = lines.slice(0, started).filter((line) => /reaped pid \d+: exited with status 0/.test(line));
  t.is(reapedBefore.length, 2, 'both zombies reaped before the command was even started');
  // Nothing came during start-up, so the command started before the supervisor loaded, the zombies still first.
  t.true(lines.slice(reapedBefore.length, started).some((line) => line.includes('its program starts at once, before the supervisor loads')), lines.join('\n'));
});

test("the command starts with the init's environment, byte for byte", async (t) => {
  // A value that is not UTF-8 too: it must not go through a JavaScript string on the way.
  // The command writes its environment to a file (renamed into place, so it is whole when it is there).
  const out = join(tmp(), 'environ');
  const script = `export ODD="$(printf 'caf\\351')"; exec "$INIT" sh -c 'cat /proc/$$/environ > "$0.part" && mv "$0.part" "$0"; sleep 1' "${out}"`;
  const init = await startInit([], { viaShell: script });
  await waitFor("the command's environment", () => existsSync(out));
  // The command runs, so PID 1 is the init now: the environment it started with.
  const ownEnvironment = readFileSync(`/proc/${init.hostPid}/environ`);
  const outcome = await init.outcome;
  t.is(outcome.code, 0, outcome.stderr);
  const commandEnvironment = readFileSync(out);
  t.true(commandEnvironment.includes(Buffer.from('ODD=caf\xe9\0', 'latin1')));
  t.true(commandEnvironment.equals(ownEnvironment));
});
