// The single executable's side of SPEC §13 (the npm package's is launcher.sh).
// The executable is built to ignore NODE_OPTIONS (execArgvExtension "none"),
// but Node reads other variables as it starts (node-settings.json): NODE_DEBUG
// would fill the log with Node's own debug lines, NODE_V8_COVERAGE would write
// files at exit, NODE_CHANNEL_FD would open an IPC channel in the init. When
// one of them is set, the executable starts itself over at once, in the same
// process, with each moved aside as DOCKER_CONTAINER_INIT_KEPT_NAME (the init
// hands them back to its commands: shell/app-environment.ts). That costs one
// more start of Node, only in an environment that sets them.
import { readFileSync } from 'node:fs';
import { KEPT_PREFIX } from '../shell/app-environment.js';
import { execSelf } from '../syscalls/exec-self.js';
import { inheritedDescriptors } from '../syscalls/inherited-descriptors.js';
import settings from './node-settings.json' with { type: 'json' };

function words(path: string): Buffer[] {
  const bytes = readFileSync(path);
  const found: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    found.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return found;
}

function startOverWithout(names: ReadonlySet<string>): void {
  const environment = words('/proc/self/environ').map((entry) => {
    const name = entry.subarray(0, entry.indexOf(0x3d)).toString('latin1');
    return names.has(name) ? Buffer.concat([Buffer.from(KEPT_PREFIX), entry]) : entry;
  });
  const error = execSelf(words('/proc/self/cmdline'), environment, inheritedDescriptors());
  // Still here: go on as it is, and say why.
  process.emitWarning(`${error.message}; ${[...names].join(', ')} act on the init itself`);
}

const isSea = (process.getBuiltinModule('node:sea') as { isSea?: () => boolean } | undefined)?.isSea?.() === true;
if (isSea) {
  const harmless = new Set(Object.keys(settings.harmlessInTheSingleExecutable));
  const present = settings.variables.filter((name) => !harmless.has(name) && process.env[name] !== undefined);
  if (present.length > 0) {
    try {
      startOverWithout(new Set(present));
    } catch {
      // No /proc: the run fails later with a line that says so.
    }
  }
}
