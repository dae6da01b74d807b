// The environment the init was given, for its commands (SPEC §13). The npm
// package's launcher (src/boot/launcher.sh) and the single executable
// (boot/node-settings.ts) move the app's NODE_* settings out of node's way as
// DOCKER_CONTAINER_INIT_KEPT_NAME=value; here they go back to NAME=value, byte
// for byte, from /proc/self/environ (the environment as the C library got it,
// which no JavaScript string has touched).
import { readFileSync } from 'node:fs';

export const KEPT_PREFIX = 'DOCKER_CONTAINER_INIT_KEPT_';
const KEPT = Buffer.from(KEPT_PREFIX);

/** Undefined when nothing was kept aside: the init's own environment is the app's. */
export function appEnvironment(): Buffer[] | undefined {
  if (!Object.keys(process.env).some((name) => name.startsWith(KEPT_PREFIX))) return undefined;
  let environ: Buffer;
  try {
    environ = readFileSync('/proc/self/environ');
  } catch {
    return undefined;
  }
  const entries: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < environ.length; i++) {
    if (environ[i] !== 0) continue;
    const entry = environ.subarray(start, i);
    entries.push(entry.subarray(0, KEPT.length).equals(KEPT) ? entry.subarray(KEPT.length) : entry);
    start = i + 1;
  }
  return entries;
}
