// The app's Node.js settings are the app's (SPEC §13): NODE_OPTIONS, NODE_DEBUG
// and every other variable Node reads as it starts (node-settings.json) would
// act on the init itself. So they are set aside before node starts the init,
// as DOCKER_CONTAINER_INIT_KEPT_NAME=value (by the npm package's launcher,
// src/launcher/npm-launcher.sh; by the single
// executable starting itself over, sea-restart.ts), and restored, byte for
// byte, for the programs the init starts. The bytes come from
// /proc/self/environ: the environment as the C library got it, which no
// JavaScript string has touched (a name or value that is not UTF-8 stays as it is).
import { readFileSync } from 'node:fs';
import { nulSeparated } from '../posix/nul-separated.js';
import settings from './node-settings.json' with { type: 'json' };

const KEPT_PREFIX = settings.keptPrefix;
const KEPT = Buffer.from(KEPT_PREFIX);

/** This process's environment, entries as bytes. */
export function environmentBytes(): Buffer[] {
  return nulSeparated(readFileSync('/proc/self/environ'));
}

/** The environment with the variables named set aside under the prefix. */
export function setAside(environment: readonly Buffer[], names: ReadonlySet<string>): Buffer[] {
  return environment.map((entry) => {
    const name = entry.subarray(0, entry.indexOf(0x3d)).toString('latin1');
    return names.has(name) ? Buffer.concat([KEPT, entry]) : entry;
  });
}

/**
 * The environment the app gave the init, with what was set aside restored;
 * undefined when nothing was (the init's own environment is the app's) or it
 * cannot be read.
 */
export function keptEnvironment(): Buffer[] | undefined {
  if (!Object.keys(process.env).some((name) => name.startsWith(KEPT_PREFIX))) return undefined;
  try {
    return environmentBytes().map((entry) => (entry.subarray(0, KEPT.length).equals(KEPT) ? entry.subarray(KEPT.length) : entry));
  } catch {
    return undefined;
  }
}

/**
 * The app's environment as strings (what a services file's variables stand
 * for): the init's own, with what was set aside under its own name again.
 */
export function appEnvironment(): NodeJS.ProcessEnv {
  const names = Object.keys(process.env);
  if (!names.some((name) => name.startsWith(KEPT_PREFIX))) return process.env;
  const app: NodeJS.ProcessEnv = {};
  for (const name of names) {
    const value = process.env[name];
    if (name.startsWith(KEPT_PREFIX)) app[name.slice(KEPT_PREFIX.length)] = value;
    else if (!Object.hasOwn(app, name)) app[name] = value;
  }
  return app;
}
