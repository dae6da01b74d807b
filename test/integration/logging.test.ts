// SPEC §5: the line format and the levels.
import test from 'ava';
import { logLines, runInit } from '../support/init.js';

const LINE = /^\[(ERROR|WARN|INFO|DEBUG)\]\[docker-container-init\] \S/;

test('without -v a clean run prints nothing', async (t) => {
  const { code, stderr } = await runInit(['sh', '-c', 'exit 0']);
  t.is(code, 0);
  t.is(stderr, '');
});

test('-v: the command start, the shutdown and why, how many were signalled, the exit status; no debug', async (t) => {
  const { stderr } = await runInit(['-v', 'sh', '-c', 'sleep 5 & exit 6']);
  const lines = logLines(stderr);
  t.true(lines.every((line) => LINE.test(line)), stderr);
  t.regex(lines[0]!, /^\[INFO\]\[docker-container-init\] started the command as pid \d+$/);
  t.true(lines.some((line) => /^\[INFO\]\[docker-container-init\] shutting down: the command \(pid \d+\) exited with status 6$/.test(line)));
  t.true(lines.includes('[INFO][docker-container-init] sent SIGTERM to 1 process'));
  t.is(lines.at(-1), '[INFO][docker-container-init] exiting with status 6');
  t.false(lines.some((line) => line.startsWith('[DEBUG]')));
});

test("the app's DEBUG and DIAGNOSTICS (the debug and diagnostics packages) are the app's: the init's log has its own lines only, the command gets them", async (t) => {
  const { code, stdout, stderr } = await runInit(['-vv', 'sh', '-c', 'echo "$DEBUG $DIAGNOSTICS"'], { env: { DEBUG: '*', DIAGNOSTICS: '*' } });
  t.is(code, 0);
  t.is(stdout, '* *\n');
  t.true(logLines(stderr).every((line) => LINE.test(line)), stderr);
});

test('-vv adds every reaped pid with its status', async (t) => {
  const { stderr } = await runInit(['-vv', 'sh', '-c', 'sleep 5 & exit 6']);
  const lines = logLines(stderr);
  t.true(lines.every((line) => LINE.test(line)), stderr);
  t.true(lines.some((line) => /^\[DEBUG\]\[docker-container-init\] reaped pid \d+: exited with status 6$/.test(line)));
  t.true(lines.some((line) => /^\[DEBUG\]\[docker-container-init\] reaped pid \d+: was killed by SIGTERM$/.test(line)));
});

test('-v -v is the same as -vv', async (t) => {
  const { stderr } = await runInit(['-v', '-v', 'true']);
  t.true(logLines(stderr).some((line) => line.startsWith('[DEBUG]')));
});
