// SPEC §14, §13: the environment is bytes, as argv is. Names that are not
// UTF-8, or not shell identifiers (a Java app's `server.port`), reach the
// command as they reached the init.
import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from '../support/files.js';
import { startInit } from '../support/init.js';
import { HIDE_NODE, INIT } from '../support/paths.js';
import { waitFor } from '../support/wait.js';

// Starts the init with three odd variables, without a shell on the way (python3
// execs it with the bytes): the single executable itself, or the npm package's
// bundle under node (its /bin/sh launcher would drop what is no shell name:
// docs/limits.md).
const ODD = [Buffer.from('K\xff=1', 'latin1'), Buffer.from('server.port=8080'), Buffer.from('V=caf\xe9', 'latin1')];
const EXEC_WITH_ODD_ENVIRONMENT = [
  'import os, sys',
  'env = dict(os.environb)',
  `env.update({b"K\\xff": b"1", b"server.port": b"8080", b"V": b"caf\\xe9"})`,
  'os.execve(sys.argv[1], sys.argv[1:], env)',
].join('\n');

test('variables whose names are not UTF-8 or not shell names reach the command, byte for byte', async (t) => {
  const out = join(tmp(), 'environ');
  const program = HIDE_NODE ? [INIT] : [process.execPath, INIT];
  const init = await startInit(['-v', 'sh', '-c', 'cat /proc/$$/environ > "$0.part" && mv "$0.part" "$0"', out], {
    wrap: ['python3', '-c', EXEC_WITH_ODD_ENVIRONMENT, ...program],
    noInit: true,
  });
  await waitFor("the command's environment", () => existsSync(out));
  t.is((await init.outcome).code, 0);
  const environment = readFileSync(out);
  for (const entry of ODD) t.true(environment.includes(Buffer.concat([entry, Buffer.from([0])])), entry.toString('latin1'));
});
