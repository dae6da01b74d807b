// docker run -it (SPEC §8 "TTY") under a real engine, on a real pseudo-terminal
// (test/helpers/pty-run.py): Ctrl-C reaches the command once, bash has job control.
import test from 'ava';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/paths.js';
import { DOCKER, NODE_IMAGES } from './support.js';

type Step = ['expect', string, number] | ['send', string] | ['sleep', number];

async function onTerminal(steps: Step[], dockerArgs: string[]): Promise<{ output: string; status: number | null; failed: Step | null }> {
  const { stdout } = await promisify(execFile)('python3', [join(ROOT, 'test/helpers/pty-run.py'), JSON.stringify(steps), DOCKER, 'run', '-it', '--rm', ...dockerArgs], {
    timeout: 90_000,
  });
  return JSON.parse(stdout) as { output: string; status: number | null; failed: Step | null };
}

for (const [image, init] of NODE_IMAGES.flatMap((image) => [[image, []], [image, ['--init']]] as const)) {
  test(`${image}${init.length > 0 ? ', under --init' : ''}: one Ctrl-C at docker run -it reaches the command once, straight from the terminal`, async (t) => {
    const script = 'trap "echo got INT" INT; echo ready; i=0; while [ $i -lt 40 ]; do sleep 0.1; i=$((i + 1)); done';
    const screen = await onTerminal(
      [
        ['expect', 'ready', 30],
        ['sleep', 0.5],
        ['send', '\u0003'],
        ['expect', 'got INT', 5],
      ],
      [...init, image, 'docker-container-init', '-vv', '--', 'sh', '-c', script],
    );
    t.is(screen.failed, null, screen.output);
    t.is(screen.status, 0, screen.output);
    t.is(screen.output.match(/got INT/g)?.length, 1, screen.output);
    t.false(screen.output.includes('received SIGINT'), 'the init itself never got it');
  });
}

for (const image of NODE_IMAGES) {
  test(`${image}: bash under docker run -it has job control: a job in the background, brought back with fg`, async (t) => {
    const screen = await onTerminal(
      [
        ['expect', '$ ', 30],
        ['send', 'sleep 30 &\n'],
        ['expect', '$ ', 5],
        ['send', 'jobs\n'],
        ['expect', 'Running', 5],
        ['send', 'fg\n'],
        ['expect', 'sleep 30', 5],
        ['sleep', 0.3],
        ['send', '\u0003'],
        ['expect', '$ ', 5],
        ['send', 'exit 5\n'],
      ],
      ['--env', 'PS1=$ ', image, 'docker-container-init', '--', 'bash', '--norc', '-i'],
    );
    t.is(screen.failed, null, screen.output);
    t.is(screen.status, 5, screen.output);
    t.false(screen.output.includes('no job control'), screen.output);
  });
}
