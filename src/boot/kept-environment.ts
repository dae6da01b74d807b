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

const SET_ASIDE = new Set(settings.variables);

/**
 * A variable of the app's environment (what a services file's variables stand
 * for): the init's own, or, for one set aside, its value under the prefix.
 * Looked up by name: listing process.env costs a call into Node for each name.
 */
export function appVariable(name: string): string | undefined {
  if (!Object.hasOwn(process.env, name)) return SET_ASIDE.has(name) ? process.env[`${KEPT_PREFIX}${name}`] : undefined;
  return process.env[name];
}
