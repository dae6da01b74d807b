// What a real engine does with the init (SPEC §3, §4, §12): docker run's exit
// statuses, docker stop, docker exec's orphans, docker kill; each on Node 20
// and Node 24 images, and under `docker run --init` (Docker's tini at PID 1).
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { docker, initLines, NODE_IMAGES, runDetached, waitForLog, zombies } from './support.js';

const TRAP = 'trap "echo got TERM; exit 7" TERM; while :; do sleep 1 & wait $!; done';

for (const image of NODE_IMAGES) {
  for (const init of [[], ['--init']]) {
    const under = init.length > 0 ? ', under docker run --init' : '';

    test(`${image}${under}: docker run exits with the command's status, 128+N when a signal killed it`, (t) => {
      t.is(docker(['run', '--rm', ...init, image, 'docker-container-init', '--', 'sh', '-c', 'exit 3']).code, 3);
      t.is(docker(['run', '--rm', ...init, image, 'docker-container-init', '--', 'sh', '-c', 'kill -USR1 $$']).code, 138);
    });

    test(`${image}${under}: docker stop reaches a shell's TERM trap; its status is the container's`, async (t) => {
      const container = runDetached([...init, image, 'docker-container-init', '-v', '--', 'sh', '-c', `echo trap set; ${TRAP}`]);
      try {
        await waitForLog(container, 'trap set');
        t.is(docker(['stop', '-t', '5', container.id]).code, 0);
        t.is(container.wait(), 7);
        const logs = container.logs();
        t.true(logs.stdout.includes('got TERM'), logs.stdout);
        if (init.length > 0) t.regex(logs.stderr, /not PID 1, but PID 1 is docker-init, an init that reaps: running as with -D/);
      } finally {
        container.cleanup();
      }
    });
  }

  test(`${image}: with -g, docker stop's SIGTERM reaches the whole group, also a child its shell keeps it from`, async (t) => {
    // The shell traps SIGTERM and waits for its sleep: only the group's SIGTERM reaches the sleep.
    const script = 'trap "echo the shell got TERM" TERM; sleep 300; echo sleep ended with $?';
    for (const [flags, expected] of [[['-g'], 0], [[], 137]] as const) {
      const container = runDetached([image, 'docker-container-init', ...flags, '-v', '--', 'sh', '-c', script]);
      try {
        await waitForLog(container, 'started the command');
        docker(['stop', '-t', '2', container.id]);
        t.is(container.wait(), expected, `${flags.join(' ') || 'without -g'}: ${container.logs().stderr}`);
        if (expected === 0) t.regex(container.logs().stdout, /sleep ended with 143/);
      } finally {
        container.cleanup();
      }
    }
  });

  test(`${image}: orphans of docker exec sessions are reaped; no zombie is left`, async (t) => {
    const container = runDetached([image, 'docker-container-init', '-v', '--', 'sleep', '300']);
    try {
      // Each session leaves a child behind and ends: the child is re-parented to PID 1.
      for (let i = 0; i < 5; i++) t.is(container.exec('sh', '-c', 'sleep 0.2 & exit 0').code, 0);
      t.true(container.exec('sh', '-c', 'cat /proc/[0-9]*/stat').stdout.includes('(sleep) S 1 '), 'the leftovers are PID 1\'s');
      await sleep(1_000);
      t.is(zombies(container), 0);
    } finally {
      container.cleanup();
    }
  });

  test(`${image}: docker kill -s USR1 reaches the command once, and opens no debugger`, async (t) => {
    const container = runDetached([image, 'docker-container-init', '-v', '--', 'sigrecord', '/tmp/log', '0']);
    try {
      for (let i = 0; i < 50 && !container.exec('cat', '/tmp/log').stdout.startsWith('ready'); i++) await sleep(100);
      t.is(docker(['kill', '-s', 'USR1', container.id]).code, 0);
      await sleep(500);
      t.deepEqual(container.exec('cat', '/tmp/log').stdout.trim().split('\n'), ['ready', '10']);
      // No one listens on the debugger's port (127.0.0.1:9229, 0x2405).
      t.false(/:2405 00000000:0000 0A/.test(container.exec('cat', '/proc/net/tcp').stdout));
      docker(['stop', container.id]);
      t.is(container.wait(), 0);
      t.deepEqual(initLines(container.logs().stderr).filter((line) => line.startsWith('[ERROR]') || line.startsWith('[WARN]')), []);
    } finally {
      container.cleanup();
    }
  });
}
