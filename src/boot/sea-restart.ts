// The single executable's side of SPEC §13 (the npm package's is
// src/launcher/npm-launcher.sh). The executable is built to ignore
// NODE_OPTIONS (execArgvExtension "none"), but Node reads other variables as
// it starts (node-settings.json): NODE_DEBUG would fill the log with Node's own
// debug lines, NODE_V8_COVERAGE would write files at exit, NODE_CHANNEL_FD
// would open an IPC channel in the init. When one of them is set, the
// executable starts itself over at once, in the same process, with each set
// aside (kept-environment.ts). That costs one more start of Node, only in an
// environment that sets them.
import { readFileSync } from 'node:fs';
import { nulSeparated } from '../posix/nul-separated.js';
import { execSelf } from '../syscalls/exec-self.js';
import { inheritedDescriptors } from '../syscalls/inherited-descriptors.js';
import { environmentBytes, setAside } from './kept-environment.js';
import settings from './node-settings.json' with { type: 'json' };

function startOverWithout(names: ReadonlySet<string>): void {
  const error = execSelf(nulSeparated(readFileSync('/proc/self/cmdline')), setAside(environmentBytes(), names), inheritedDescriptors());
  // Still here: go on as it is, and say why.
  process.emitWarning(`${error.message}; ${[...names].join(', ')} act on the init itself`);
}

declare const __SEA__: boolean | undefined;

// A bundle built for the npm package knows it is not the single executable
// (scripts/build.mjs says so) and does not ask node:sea, which took 0.13 ms to load.
const maybeSea = typeof __SEA__ === 'boolean' ? __SEA__ : true;
const isSea = maybeSea && (process.getBuiltinModule('node:sea') as { isSea?: () => boolean } | undefined)?.isSea?.() === true;
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
