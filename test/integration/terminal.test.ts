// SPEC §8 "TTY": on a terminal (docker run -it) the command runs in its own
// process group, which becomes the terminal's foreground group. Tested on a
// real pseudo-terminal (test/helpers/pty-run.py), the init as PID 1.
import test from 'ava';
import { tmp } from '../support/files.js';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cleanEnv } from '../support/init.js';
import { INIT, ROOT } from '../support/paths.js';
import { helper } from '../support/paths.js';
import { recordedSignals } from '../support/wait.js';

type Step = ['expect', string, number] | ['send', string] | ['sleep', number] | ['signal-init', number];

interface Screen {
  output: string;
  status: number | null;
  failed: Step | null;
}

async function onTerminal(steps: Step[], args: string[], env: Record<string, string> = {}): Promise<Screen> {
  const { stdout } = await promisify(execFile)(
    'python3',
    [join(ROOT, 'test/helpers/pty-run.py'), JSON.stringify(steps), 'unshare', '--pid', '--fork', '--kill-child', '--mount-proc', INIT, ...args],
    { env: cleanEnv(env), timeout: 60_000 },
  );
  return JSON.parse(stdout) as Screen;
}

test('Ctrl-C typed at the terminal reaches the command exactly once, and not through the init', async (t) => {
  const log = join(tmp(), 'log');
  const screen = await onTerminal(
    [
      ['expect', "has the terminal's foreground", 10],
      ['sleep', 0.5],
      ['send', '\u0003'],
      ['sleep', 0.5],
      ['signal-init', 15],
    ],
    ['-vv', helper('sigrecord'), log, '0'],
  );
  t.is(screen.failed, null, screen.output);
  t.is(screen.status, 0, screen.output);
  t.deepEqual(recordedSignals(log), [2, 15], 'SIGINT once, from the terminal; then SIGTERM from the init');
  t.false(screen.output.includes('received SIGINT'), 'the init itself never got the SIGINT');
});

test('the command is the foreground process group of its terminal', async (t) => {
  const screen = await onTerminal([], [helper('probe'), '0'], {});
  const probe = JSON.parse(screen.output.slice(screen.output.indexOf('{'), screen.output.lastIndexOf('}') + 1)) as {
    pid: number;
    pgid: number;
  };
  t.is(probe.pgid, probe.pid, 'a process group of its own');
  const foreground = await onTerminal([], ['sh', '-c', 'ps -o tpgid= -p $$; ps -o pgid= -p $$']);
  const [tpgid, pgid] = foreground.output.trim().split(/\s+/);
  t.is(tpgid, pgid, foreground.output);
});

for (const shell of [['bash', '--norc', '--noprofile', '-i'], ['sh', '-i']]) {
  test(`an interactive ${shell[0]} gets job control: a background job, brought back with fg`, async (t) => {
    const screen = await onTerminal(
      [
        ['expect', '# ', 10],
        ['send', 'sleep 0.4 &\n'],
        ['expect', '# ', 5],
        ['send', 'fg\n'],
        ['expect', 'fg\r\n', 5],
        ['expect', 'sleep 0.4', 5],
        ['expect', '# ', 5],
        ['send', 'echo "fg status=$?"\n'],
        ['expect', 'fg status=0\r\n', 5],
        ['send', 'exit 7\n'],
      ],
      shell,
      { ENV: '' },
    );
    t.is(screen.failed, null, screen.output);
    t.is(screen.status, 7, screen.output);
    t.notRegex(screen.output, /cannot set terminal process group|no job control|job control turned off/);
  });
}

test('with `stty tostop`, the init still writes its log from the background and is never stopped', async (t) => {
  const screen = await onTerminal([], ['-vv', 'sh', '-c', 'stty tostop; sleep 0.3; exit 3']);
  t.is(screen.status, 3, screen.output);
  t.regex(screen.output, /reaped pid \d+: exited with status 3/);
  t.regex(screen.output, /exiting with status 3/);
});

test('with --run, the main command has the foreground; the --run commands stay in the init\'s group, in the background', async (t) => {
  const dir = tmp();
  const report = join(dir, 'run');
  const mainStarted = join(dir, 'main');
  // The --run command starts first: it looks once the main command runs (and has the terminal).
  // Its report is renamed into place whole: the main command's exit, which it waits for, stops the init's tree.
  const runCommand = `until [ -e ${mainStarted} ]; do sleep 0.01; done; { ps -o pgid=,tpgid= -p $$; ps -o pgid= -p 1; } > ${report}.part && mv ${report}.part ${report}; exec sleep 30`;
  const mainCommand = `touch ${mainStarted}; until [ -s ${report} ]; do sleep 0.01; done; ps -o pgid=,tpgid= -p $$`;
  const screen = await onTerminal([], ['--run', runCommand, '--', 'sh', '-c', mainCommand]);
  t.is(screen.status, 0, screen.output);
  const [mainGroup, mainForeground] = screen.output.trim().split('\n').at(-1)!.trim().split(/\s+/);
  t.is(mainGroup, mainForeground, `the main command leads the foreground group: ${screen.output}`);
  const [runGroup, runForeground, initGroup] = readFileSync(report, 'utf8').trim().split(/\s+/);
  t.is(runGroup, initGroup, "the --run command is in the init's group");
  t.not(runGroup, mainGroup);
  t.is(runForeground, mainForeground, 'and the terminal belongs to the main command');
});
