// Only in the single-executable run (npm run test:sea): the namespace the init
// runs in really has no Node.js, so whatever passes there passed without it.
import test from 'ava';
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

test("yaml, read for a services file, is compiled from the code cache the executable carries too", async (t) => {
  const svc = servicesDir();
  const path = svc.file('services:\n  once:\n    command: ["true"]\n    restart: "no"\n');
  const { code, stderr } = await runInit(['-vv', '--services', path, '--', 'true']);
  t.is(code, 0, stderr);
  t.regex(stderr, /\[DEBUG\]\[docker-container-init\] yaml: compiled from V8's code cache\n/);
});
