// koffi in the single executable. build.mjs (SEA) puts this module in place of
// syscalls/koffi.ts: the executable carries koffi's native addon, which is
// koffi's whole API (see koffi.ts), as an asset, and there is no node_modules
// to load it from. Node can only load an addon from a file, so
// it is written to a fresh private folder, loaded, and removed again at once
// (the mapping stays valid). The folder must be writable and allow executing
// what is in it: a hardened container (docker run --read-only, whose --tmpfs
// and /dev/shm are noexec) may have none, and then the init says so in one
// line. (Loading it from memory would need memfd_create, a C call, and C calls
// are what this addon is for.)
import type * as Koffi from 'koffi';
import { mkdtempSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { textLine } from '../output/format.js';
import { openFilesTooFew } from '../posix/open-files.js';
import { loadAddon } from './load-addon.js';

const ASSET = 'koffi.node';

/** What os.tmpdir() says on Linux, without loading node:os for it (0.25 ms of every start). */
function temporaryFolder(): string {
  const path = process.env['TMPDIR'] || process.env['TMP'] || process.env['TEMP'] || '/tmp';
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/** Where a writable, executable folder may be: the usual places, then /dev (a tmpfs that Docker does not mount noexec, writable by root). */
function folders(): string[] {
  return [...new Set([temporaryFolder(), '/tmp', '/dev/shm', '/run', '/var/tmp', '/dev'])];
}

/** Says why in one line, and stops: koffi would swallow an exception from here and report a riddle of its own. */
function stop(why: string): never {
  writeSync(2, `${textLine('error', why)}\n`);
  process.exit(1);
}

const tooManyOpen = (error: unknown): boolean => ['EMFILE', 'ENFILE'].includes((error as NodeJS.ErrnoException).code ?? '') || /too many open files/i.test(String(error));

function fromAsset(): typeof Koffi {
  // The asset as it is mapped in the executable: getAsset would copy its 1.1 MB first (about 1.3 ms).
  const { getRawAsset } = require('node:sea') as typeof import('node:sea');
  const bytes = new Uint8Array(getRawAsset(ASSET) as ArrayBuffer);
  const failures: string[] = [];
  for (const base of folders()) {
    let folder: string | undefined;
    try {
      folder = mkdtempSync(join(base, 'docker-container-init-'));
      const file = join(folder, ASSET);
      writeFileSync(file, bytes, { mode: 0o500 });
      return loadAddon<typeof Koffi>(file);
    } catch (error) {
      // A limit of descriptors so low that writing the addon out fails: the CLI's own
      // check (cli.ts) comes too late for that. How low cannot be asked here: getrlimit
      // is a C call, /proc takes a descriptor, and Node's diagnostic report crashed.
      if (tooManyOpen(error)) stop(openFilesTooFew(undefined));
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(`${base}: ${/operation not permitted|failed to map segment/i.test(reason) ? 'mounted noexec' : (error as NodeJS.ErrnoException).code ?? reason}`);
    } finally {
      try {
        if (folder) rmSync(folder, { recursive: true, force: true });
      } catch (error) {
        if (tooManyOpen(error)) stop(openFilesTooFew(undefined));
      }
    }
  }
  return stop(
    `cannot load koffi's native addon: no folder here is both writable and executable (${failures.join(', ')}); ` +
      'mount one (docker run --tmpfs /tmp:exec, a Kubernetes emptyDir), or use the npm package',
  );
}

export const koffi = fromAsset();
