// Only in the single-executable run (npm run test:sea): the namespace the init
// runs in really has no Node.js, so whatever passes there passed without it.
import test from 'ava';
import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import { runInit } from '../support/init.js';
import { HIDE_NODE, INIT } from '../support/paths.js';
import { servicesDir } from '../support/services.js';

test('node is hidden from the init: no node binary, no node_modules', async (t) => {
  t.true(HIDE_NODE, 'run with DCI_HIDE_NODE=1');
  t.regex(INIT, /sea/);
  const { code, stdout } = await runInit(['sh', '-c', 'node -e 0 2>/dev/null; echo "node exits $?"; ls -A "$0" | wc -l', `${process.cwd()}/node_modules`]);
  t.is(code, 0);
  const [nodeLine, entries] = stdout.trim().split('\n');
  t.regex(nodeLine!, /^node exits 12[67]$/);
  t.is(entries, '0', 'node_modules is empty');
});

test("the init's bundle is compiled from V8's code cache that the executable carries (made when it was built)", async (t) => {
  const { code, stderr } = await runInit(['-vv', '--', 'true']);
  t.is(code, 0, stderr);
  t.regex(stderr, /\[DEBUG\]\[docker-container-init\] compiled from V8's code cache\n/);
  t.regex(stderr, /\[DEBUG\]\[docker-container-init\] supervisor: compiled from V8's code cache\n/);
});

test("yaml and the services file's reader, for a services file, are compiled from the code caches the executable carries too", async (t) => {
  const svc = servicesDir();
  const path = svc.file('services:\n  once:\n    command: ["true"]\n    restart: "no"\n');
  const { code, stderr } = await runInit(['-vv', '--services', path, '--', 'true']);
  t.is(code, 0, stderr);
  t.regex(stderr, /\[DEBUG\]\[docker-container-init\] yaml: compiled from V8's code cache\n/);
  t.regex(stderr, /\[DEBUG\]\[docker-container-init\] services-from-file: compiled from V8's code cache\n/);
});

// Both runs in one namespace, with a /var/cache of its own (support/init.ts).
const KEPT = '/var/cache/docker-container-init';
const keptRun = (services: string, between: string, as = '') =>
  runInit([], {
    viaShell: [
      `"$INIT" --check --services ${services} > /dev/null || exit 90`,
      `stat -c '%a %U' ${KEPT}; ls ${KEPT}`,
      // What another value, kept for the same text, would start.
      `sed -i 's/"echo as written"]/"echo planted"]/' ${KEPT}/*-services-file`,
      between,
      // The service's exit ends the container (restart: "no"), after its line.
      `exec ${as} "$INIT" -vv --services ${services} -- sleep 10`,
    ].join('\n'),
  });

test('--check keeps the services file\'s value in /var/cache/docker-container-init (0700, the init\'s user\'s), and a start takes it from there', async (t) => {
  const path = servicesDir().file('services:\n  once:\n    command: ["sh", "-c", "echo as written"]\n    restart: "no"\n');
  const { code, stdout, stderr } = await keptRun(path, ':');
  t.is(code, 0, stderr);
  t.regex(stdout, /^700 root\n[0-9a-f]{16}-services-file\n/);
  t.regex(stderr, /the services file: the same text as at an earlier start, whose value was kept: not parsed again/);
  // The kept value is what ran: the one changed after --check, not the file's.
  t.regex(stdout, /^once \| planted$/m);
});

test('a kept value in a folder another user may write is never read: the file is parsed, and what it says runs', async (t) => {
  const path = servicesDir().file('services:\n  once:\n    command: ["sh", "-c", "echo as written"]\n    restart: "no"\n');
  for (const between of [`chmod 777 ${KEPT}`, `chown 1000 ${KEPT}`, `chmod 777 /var/cache`]) {
    const { code, stdout, stderr } = await keptRun(path, between);
    t.is(code, 0, stderr);
    t.regex(stderr, /the services file: parsed; its value is kept for the next start/, between);
    t.regex(stdout, /^once \| as written$/m, between);
    t.notRegex(stdout, /planted/, between);
  }
});

test('an init that runs as another user reads what root kept, once the image makes the folder readable', async (t) => {
  const svc = servicesDir();
  const path = svc.file('services:\n  once:\n    command: ["sh", "-c", "echo as written"]\n    restart: "no"\n');
  chmodSync(dirname(path), 0o755);
  chmodSync(path, 0o644);
  const { code, stdout, stderr } = await keptRun(path, `chmod 755 ${KEPT}`, 'setpriv --reuid=1000 --regid=1000 --clear-groups');
  t.is(code, 0, stderr);
  t.regex(stderr, /the services file: the same text as at an earlier start, whose value was kept: not parsed again/);
  t.regex(stdout, /^once \| planted$/m);
});
