// Services files for the tests, written into a folder of the test's own, and
// small shell services that say what happens to them in files there.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from './files.js';

export interface ServicesDir {
  readonly dir: string;
  /** The path of a file in the folder. */
  at(name: string): string;
  /** Writes services.yaml (or `name`) and returns its path. */
  file(text: string, name?: string): string;
}

export function servicesDir(): ServicesDir {
  const dir = tmp('dci-svc-');
  return {
    dir,
    at: (name) => join(dir, name),
    file(text, name = 'services.yaml') {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
  };
}

/**
 * A service that appends "<name> ready" to `log` once it runs, and on each
 * signal in `stops` appends "<name> <SIGNAL>" and exits 0; with `ignore` it
 * ignores SIGTERM instead.
 */
export function recorderScript(dir: string): string {
  const path = join(dir, 'recorder.sh');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      '# recorder.sh NAME LOG [ignore]',
      'name=$1 log=$2',
      'for signal in TERM QUIT INT HUP USR1; do trap "echo \\"$name $signal\\" >> $log; exit 0" $signal; done',
      '[ "$3" = ignore ] && trap "echo \\"$name ignores TERM\\" >> $log" TERM',
      'echo "$name ready" >> "$log"',
      'while :; do sleep 0.05; done',
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return path;
}
