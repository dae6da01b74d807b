// What Podman does with the init (SPEC §3, §4, §12), as root and rootless:
// exit statuses, podman stop with a trap and with -g, podman exec's orphans,
// --init (catatonit, mounted as /run/podman-init, above the init), --read-only,
// --user, the "container as a VM" example and the single executable.
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { initLines, runDetachedIn, waitForLog, zombies } from '../engines/containers.js';
import { ENGINES, IMAGE, RUN } from './support.js';

const TRAP = 'trap "echo got TERM; exit 7" TERM; while :; do sleep 1 & wait $!; done';
const INITS = [
  ['docker-container-init', 'the npm package'],
  ['docker-container-init-sea', 'the single executable'],
] as const;

for (const engine of ENGINES) {
  const podman = (args: readonly string[]) => engine.run(args);
  const detached = (args: readonly string[]) => runDetachedIn(engine, [...RUN, ...args]);

  for (const [init, what] of INITS) {
    for (const above of [[], ['--init']]) {
      const under = above.length > 0 ? ', under podman run --init' : '';

      test(`${engine.name}, ${what}${under}: podman run exits with the command's status, 128+N when a signal killed it`, (t) => {
        const exit3 = podman(['run', '--rm', ...RUN, ...above, IMAGE, init, '--', 'sh', '-c', 'exit 3']);
        t.is(exit3.code, 3, exit3.stderr);
        t.is(podman(['run', '--rm', ...RUN, ...above, IMAGE, init, '--', 'sh', '-c', 'kill -USR1 $$']).code, 138);
      });

      test(`${engine.name}, ${what}${under}: podman stop reaches a shell's TERM trap; its status is the container's`, async (t) => {
        const container = detached([...above, IMAGE, init, '-v', '--', 'sh', '-c', `echo trap set; ${TRAP}`]);
        try {
          await waitForLog(container, 'trap set');
          t.is(podman(['stop', '-t', '5', container.id]).code, 0);
          t.is(container.wait(), 7);
          const logs = container.logs();
          t.true(logs.stdout.includes('got TERM'), logs.stdout);
          if (above.length > 0) t.regex(logs.stderr, /not PID 1, but PID 1 is podman-init, an init that reaps: running as with -D/);
        } finally {
          container.cleanup();
        }
      });
    }
  }

  test(`${engine.name}: with -g, podman stop's SIGTERM reaches the whole group, also a child its shell keeps it from`, async (t) => {
    const script = 'trap "echo the shell got TERM" TERM; sleep 300; echo sleep ended with $?';
    for (const [flags, expected] of [[['-g'], 0], [[], 137]] as const) {
      const container = detached([IMAGE, 'docker-container-init', ...flags, '-v', '--', 'sh', '-c', script]);
      try {
        await waitForLog(container, 'started the command');
        podman(['stop', '-t', '2', container.id]);
        t.is(container.wait(), expected, `${flags.join(' ') || 'without -g'}: ${container.logs().stderr}`);
        if (expected === 0) t.regex(container.logs().stdout, /sleep ended with 143/);
      } finally {
        container.cleanup();
      }
    }
  });

  test(`${engine.name}: orphans of podman exec sessions are reaped; no zombie is left`, async (t) => {
    const container = detached([IMAGE, 'docker-container-init', '-v', '--', 'sleep', '300']);
    try {
      for (let i = 0; i < 5; i++) t.is(container.exec('sh', '-c', 'sleep 0.2 & exit 0').code, 0);
      t.true(container.exec('sh', '-c', 'cat /proc/[0-9]*/stat').stdout.includes('(sleep) S 1 '), "the leftovers are PID 1's");
      await sleep(1_000);
      t.is(zombies(container), 0);
    } finally {
      container.cleanup();
    }
  });

  test(`${engine.name}: podman kill -s USR1 reaches the command once`, async (t) => {
    const container = detached([IMAGE, 'docker-container-init', '-v', '--', 'sigrecord', '/tmp/log', '0']);
    try {
      for (let i = 0; i < 50 && !container.exec('cat', '/tmp/log').stdout.startsWith('ready'); i++) await sleep(100);
      t.is(podman(['kill', '-s', 'USR1', container.id]).code, 0);
      await sleep(500);
      t.deepEqual(container.exec('cat', '/tmp/log').stdout.trim().split('\n'), ['ready', '10']);
      podman(['stop', container.id]);
      t.is(container.wait(), 0);
      t.deepEqual(initLines(container.logs().stderr).filter((line) => line.startsWith('[ERROR]') || line.startsWith('[WARN]')), []);
    } finally {
      container.cleanup();
    }
  });

  test(`${engine.name}: --read-only, and --user 1234:1234: the init runs, the command as that user, its status comes back`, (t) => {
    const run = podman(['run', '--rm', ...RUN, '--read-only', '--user', '1234:1234', IMAGE, 'docker-container-init', '-v', '--', 'sh', '-c', 'id -u; id -g; exit 5']);
    t.is(run.code, 5, run.stderr);
    t.is(run.stdout, '1234\n1234\n');
    t.deepEqual(initLines(run.stderr).filter((line) => line.startsWith('[ERROR]') || line.startsWith('[WARN]')), []);
  });

  test(`${engine.name}: the "container as a VM" example: the services run; an exec session comes and goes; podman stop makes each log its SIGTERM, exit 0`, async (t) => {
    const container = detached(['--entrypoint', '/entrypoint.sh', IMAGE]);
    try {
      await waitForLog(container, 'scheduler: started');
      t.is(container.exec('sh', '-c', 'echo from an exec session; sleep 0.1 &').stdout, 'from an exec session\n');
      await sleep(300);
      podman(['stop', container.id]);
      t.is(container.wait(), 0);
      const { stdout } = container.logs();
      for (const name of ['mailer', 'indexer', 'scheduler']) t.true(stdout.includes(`${name}: stopping`), `${name}: ${stdout}`);
    } finally {
      container.cleanup();
    }
  });
}
