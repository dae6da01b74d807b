// A service's post_start or pre_stop (Compose's lifecycle hooks, SPEC §17):
// a list of {command, user, working_dir, environment, privileged}. `command`
// as a service's (a list, or a string split into words, no shell); the rest
// the service's unless given: its user, its folder, its environment with the
// hook's on top. `privileged` cannot apply: the init runs a hook with the
// container's own privileges (false is accepted).
import { resolve } from 'node:path';
import { setVariables } from '../posix/set-variables.js';
import type { Hook } from '../streams/service.js';
import { commandWords } from './command-words.js';
import { HOOK_KEYS } from './compose-keys.js';
import { entryBytes, environmentEntries } from './environment-entries.js';
import type { Lookup } from './interpolate.js';
import { isMap, isScalar } from './yaml-values.js';
import { runAs, type UserIds } from './users.js';

/** What a hook takes from its service unless it gives its own. */
export interface HookBase {
  readonly environment: readonly Buffer[];
  readonly directory: string | undefined;
  readonly user: UserIds | undefined;
}

/** Where the hooks are read: the project's variables (for a name alone), the init's starting folder, its uid. */
export interface HookPlace {
  readonly variable: Lookup;
  readonly directory: string;
  readonly euid: number;
}

/** `fail(key, what)` throws; `key` is `post_start` or `pre_stop`. */
export function readHooks(value: unknown, key: string, base: HookBase, place: HookPlace, fail: (key: string, what: string) => never): Hook[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(key, 'is not a list of hooks ({command, user, working_dir, environment})');
  return value.map((entry, number): Hook => {
    const at = `${key}[${number}]`;
    if (!isMap(entry)) return fail(at, 'is not a map (command, user, working_dir, environment)');
    for (const name of Object.keys(entry)) if (!HOOK_KEYS.has(name)) fail(at, `${name} is not supported (command, user, working_dir, environment)`);
    if (entry['privileged'] !== undefined && entry['privileged'] !== null && entry['privileged'] !== false) {
      fail(`${at}.privileged`, 'cannot apply: the init runs a hook with the container\'s own privileges (leave it out, or user: root)');
    }
    const command = entry['command'];
    let argv: string[];
    if (typeof command === 'string') {
      const split = commandWords(command);
      if ('error' in split) return fail(`${at}.command`, split.error);
      argv = split.words;
    } else if (Array.isArray(command) && command.every(isScalar)) {
      argv = command.map(String);
    } else {
      return fail(`${at}.command`, 'is missing, or neither a string nor a list of strings');
    }
    if (argv.length === 0 || argv[0] === '') fail(`${at}.command`, 'is empty');

    const own = environmentEntries(entry['environment']);
    if ('error' in own) return fail(`${at}.environment`, own.error);
    let user = base.user;
    const userSpec = entry['user'];
    if (userSpec !== undefined && userSpec !== null) {
      if (typeof userSpec !== 'string' && typeof userSpec !== 'number') return fail(`${at}.user`, 'is not a string');
      const resolved = runAs(String(userSpec), [], place.euid);
      if ('error' in resolved) return fail(`${at}.user`, resolved.error);
      user = resolved.ids;
      // That user's HOME, as for a service's user, unless the hook sets one.
      if (!own.variables.has('HOME')) own.variables.set('HOME', resolved.home);
    }
    const workingDir = entry['working_dir'];
    if (workingDir !== undefined && workingDir !== null && typeof workingDir !== 'string') return fail(`${at}.working_dir`, 'is not a string');
    const directory = typeof workingDir === 'string' ? resolve(place.directory, workingDir) : base.directory;
    return {
      argv,
      launch: {
        argv: argv.map((word) => Buffer.from(word)),
        environment: setVariables(base.environment, entryBytes(own.variables, place.variable)),
        directory: directory === undefined ? undefined : Buffer.from(directory),
        user,
      },
    };
  });
}
