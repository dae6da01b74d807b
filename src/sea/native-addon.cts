// The single-file executable carries koffi's native addon as an asset: there is
// no node_modules to load it from. Node can only load an addon from a file, so
// it is written to a fresh private folder, loaded, and removed again at once
// (the mapping stays valid). build.sh (SEA=1) puts this module in place of
// koffi's per-platform packages (@koromix/koffi-*).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ASSET = 'koffi.node';

function folders(): string[] {
  return [...new Set([tmpdir(), '/dev/shm', '/run', '/tmp'])];
}

function loadAddon(): unknown {
  const { getAsset } = require('node:sea') as typeof import('node:sea');
  const bytes = Buffer.from(getAsset(ASSET));
  const failures: string[] = [];
  for (const base of folders()) {
    let folder: string | undefined;
    try {
      folder = mkdtempSync(join(base, 'docker-container-init-'));
      const file = join(folder, ASSET);
      writeFileSync(file, bytes, { mode: 0o500 });
      const module = { exports: {} as unknown };
      process.dlopen(module, file);
      return module.exports;
    } catch (error) {
      failures.push(`${base}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  }
  throw new Error(`cannot unpack koffi's native addon (${failures.join('; ')})`);
}

module.exports = loadAddon();
