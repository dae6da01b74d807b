// One service of a services file (SPEC §17, §18), read into a draft: every key
// the init reads, checked, with Compose's meaning and defaults; its first
// problem thrown, in one line naming the file, the service and the key. What
// the services make together (their order, profiles, copies) is
// services-from-file.ts's.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseSignal, SIGTERM, type RealtimeRange } from '../posix/signals.js';
import type { Condition, Healthcheck, Hooks, RestartPolicy } from '../streams/service.js';
import { commandWords } from './command-words.js';
import { CONTAINER_KEYS, DEPENDENCY_KEYS, ENV_FILE_KEYS, HEALTHCHECK_KEYS, INIT_KEY, INIT_KEYS, isExtension, SERVICE_KEYS } from './compose-keys.js';
import { durationMs } from './durations.js';
import { parseEnvFile } from './env-file.js';
import { entryBytes, environmentEntries } from './environment-entries.js';
import { unsetMessage, type Lookup } from './interpolate.js';
import { isMap, isScalar } from './yaml-values.js';
import { profilesOf } from './profiles.js';
import { readHooks } from './read-hooks.js';
import { replicasOf } from './replicas.js';
import { located, problem } from './services-file-error.js';
import { runAs, type UserIds } from './users.js';

export interface FileContext {
  readonly range: RealtimeRange;
  /** A variable of the app's environment as the init got it (undefined: not set): what the file's variables stand for, and what `environment` entries without a value take. */
  readonly variable: Lookup;
  /** Says what a start goes on despite (warn: a variable that is not set) or leaves out (info: a service of a profile not active), in the words of an error. */
  readonly log: (level: 'warn' | 'info', message: string) => void;
  /** The directory the init started in: a relative working_dir is relative to it. */
  readonly directory: string;
  /** The init's effective uid: only root may run a service as another user. */
  readonly euid: number;
}

const COMPOSE_DEFAULTS = { intervalMs: 30_000, timeoutMs: 30_000, retries: 3, startPeriodMs: 0, startIntervalMs: 5_000 };
const CONDITIONS = new Set<Condition>(['service_started', 'service_healthy', 'service_completed_successfully']);


export interface Draft {
  readonly name: string;
  readonly argv: string[];
  readonly environment: Buffer[];
  readonly directory: string | undefined;
  readonly user: UserIds | undefined;
  readonly stopSignal: number;
  readonly stopGraceMs: number | undefined;
  readonly restart: RestartPolicy;
  readonly dependsOn: ReadonlyArray<{ readonly name: string; readonly condition: Condition; readonly required: boolean; readonly restart: boolean }>;
  readonly healthcheck: Healthcheck | undefined;
  readonly output: 'inherit' | 'labelled';
  readonly profiles: readonly string[];
  readonly replicas: number;
  readonly hooks: Hooks;
}

/** Reads one service; throws its first problem. */
export function readService(file: string, name: string, value: unknown, context: FileContext, names: ReadonlySet<string>): Draft {
  const fail = (key: string | undefined, what: string): never => {
    throw problem(file, key === undefined ? { service: name } : { service: name, key }, what);
  };
  const spec = value === null ? {} : value;
  if (!isMap(spec)) return fail(undefined, 'is not a map of keys');
  for (const key of Object.keys(spec)) {
    if (isExtension(key) || SERVICE_KEYS.has(key)) continue;
    if (CONTAINER_KEYS.has(key)) fail(key, 'configures the container itself, which the init runs inside of: it cannot apply to a service of the init');
    fail(key, 'is no key of a Compose service');
  }

  const words = (key: string): string[] | undefined => {
    const given = spec[key];
    if (given === undefined || given === null) return undefined;
    if (typeof given === 'string') {
      const split = commandWords(given);
      if ('error' in split) return fail(key, split.error);
      return split.words;
    }
    if (Array.isArray(given) && given.every(isScalar)) return given.map(String);
    return fail(key, 'is neither a string nor a list of strings');
  };
  const argv = [...(words('entrypoint') ?? []), ...(words('command') ?? [])];
  if (argv.length === 0 || argv[0] === '') fail('command', 'is missing: a service of the init needs a command to run');

  // env_file first, environment on top of it (Compose's order).
  const variables = new Map<string, string | undefined>();
  const envFiles = spec['env_file'] === undefined || spec['env_file'] === null ? [] : Array.isArray(spec['env_file']) ? spec['env_file'] : [spec['env_file']];
  for (const entry of envFiles) {
    const path = typeof entry === 'string' ? entry : isMap(entry) && typeof entry['path'] === 'string' ? entry['path'] : fail('env_file', 'holds an entry that is neither a path nor {path, required, format}');
    if (isMap(entry)) {
      for (const key of Object.keys(entry)) if (!ENV_FILE_KEYS.has(key)) fail('env_file', `${path}: ${key} is not supported (path, required, format)`);
      if (entry['format'] !== undefined && entry['format'] !== null && entry['format'] !== 'raw') fail('env_file', `${path}: format ${JSON.stringify(entry['format'])} is not raw (leave it out for Compose's usual format)`);
    }
    const required = isMap(entry) && entry['required'] === false ? false : true;
    const raw = isMap(entry) && entry['format'] === 'raw';
    const full = isAbsolute(path) ? path : resolve(dirname(resolve(file)), path);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch {
      if (!required) continue;
      return fail('env_file', `${full} cannot be read`);
    }
    const parsed = parseEnvFile(text, context.variable, raw);
    if ('error' in parsed) return fail('env_file', `${full}: ${parsed.error}`);
    for (const missing of parsed.unset) context.log('warn', located(file, { service: name, key: 'env_file' }, `${full}: ${unsetMessage(missing)}`));
    for (const [key, val] of parsed.entries) variables.set(key, val);
  }
  const environment = environmentEntries(spec['environment']);
  if ('error' in environment) return fail('environment', environment.error);
  for (const [key, val] of environment.variables) variables.set(key, val);
  const env = entryBytes(variables, context.variable);

  const text = (key: string): string | undefined => {
    const given = spec[key];
    if (given === undefined || given === null) return undefined;
    if (typeof given === 'string' || typeof given === 'number') return String(given);
    return fail(key, 'is not a string');
  };
  const workingDir = text('working_dir');
  const directory = workingDir === undefined ? undefined : resolve(context.directory, workingDir);

  let user: UserIds | undefined;
  const userSpec = text('user');
  const groupAdd = spec['group_add'] === undefined ? [] : Array.isArray(spec['group_add']) && spec['group_add'].every(isScalar) ? spec['group_add'].map(String) : fail('group_add', 'is not a list of groups');
  if (userSpec !== undefined || groupAdd.length > 0) {
    const resolved = runAs(userSpec ?? String(process.getuid?.() ?? 0), groupAdd, context.euid);
    if ('error' in resolved) return fail(userSpec !== undefined ? 'user' : 'group_add', resolved.error);
    user = resolved.ids;
    // Another user's own HOME, as Docker and gosu give it, unless the service sets one.
    if (userSpec !== undefined && !variables.has('HOME')) env.push(Buffer.from(`HOME=${resolved.home}`));
  }

  const stopSignalText = text('stop_signal');
  const stopSignal = stopSignalText === undefined ? SIGTERM : parseSignal(stopSignalText, context.range) ?? fail('stop_signal', `${JSON.stringify(stopSignalText)} is no signal`);
  const grace = spec['stop_grace_period'];
  const stopGraceMs = grace === undefined || grace === null ? undefined : durationMs(grace) ?? fail('stop_grace_period', `${JSON.stringify(grace)} is no duration (10s, 1m30s, 500ms)`);

  const restartValue = spec['restart'];
  let restart: RestartPolicy = { kind: 'no' };
  if (restartValue !== undefined && restartValue !== null && restartValue !== false) {
    const match = typeof restartValue === 'string' ? /^(no|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(restartValue) : null;
    if (!match || (match[2] !== undefined && match[1] !== 'on-failure')) fail('restart', `${JSON.stringify(restartValue)} is none of "no", always, unless-stopped, on-failure[:N]`);
    restart = match![1] === 'no' ? { kind: 'no' } : match![1] === 'on-failure' ? (match![2] === undefined ? { kind: 'on-failure' } : { kind: 'on-failure', maxRetries: Number(match![2]) }) : { kind: 'always' };
  }

  const dependsOn: Array<{ name: string; condition: Condition; required: boolean; restart: boolean }> = [];
  const given = spec['depends_on'];
  if (Array.isArray(given)) {
    for (const dependency of given) {
      if (typeof dependency !== 'string') fail('depends_on', 'holds an entry that is not a service name');
      dependsOn.push({ name: dependency as string, condition: 'service_started', required: true, restart: false });
    }
  } else if (isMap(given)) {
    for (const [dependency, how] of Object.entries(given)) {
      const options = how === null ? {} : how;
      if (!isMap(options)) return fail('depends_on', `${dependency}: is not a map (condition, required, restart)`);
      for (const key of Object.keys(options)) if (!DEPENDENCY_KEYS.has(key)) fail('depends_on', `${dependency}: ${key} is not supported (condition, required, restart)`);
      for (const key of ['required', 'restart']) {
        if (options[key] !== undefined && options[key] !== null && typeof options[key] !== 'boolean') fail('depends_on', `${dependency}: ${key} is neither true nor false`);
      }
      const condition = (options['condition'] ?? 'service_started') as Condition;
      if (!CONDITIONS.has(condition)) fail('depends_on', `${dependency}: condition ${JSON.stringify(options['condition'])} is none of ${[...CONDITIONS].join(', ')}`);
      const required = options['required'] !== false;
      if (!required && !names.has(dependency)) continue;
      dependsOn.push({ name: dependency, condition, required, restart: options['restart'] === true });
    }
  } else if (given !== undefined && given !== null) {
    fail('depends_on', 'is neither a list of service names nor a map');
  }

  const healthcheck = readHealthcheck(spec['healthcheck'], (key, what) => fail(`healthcheck.${key}`, what));

  const own = spec[INIT_KEY];
  let output: 'inherit' | 'labelled' = 'labelled';
  if (own !== undefined && own !== null) {
    if (!isMap(own)) return fail(INIT_KEY, 'is not a map');
    for (const key of Object.keys(own)) if (!INIT_KEYS.has(key)) fail(`${INIT_KEY}.${key}`, 'is none of the init\'s keys (output)');
    if (own['output'] !== undefined) {
      if (own['output'] !== 'inherit' && own['output'] !== 'labelled') fail(`${INIT_KEY}.output`, 'is neither labelled nor inherit');
      output = own['output'] as 'inherit' | 'labelled';
    }
  }
  const profiles = profilesOf(spec['profiles']);
  if ('error' in profiles) return fail('profiles', profiles.error);
  const replicas = replicasOf(spec['scale'], spec['deploy']);
  if ('error' in replicas) return fail(replicas.key, replicas.error);
  const base = { environment: env, directory, user };
  const place = { variable: context.variable, directory: context.directory, euid: context.euid };
  const hooks = { postStart: readHooks(spec['post_start'], 'post_start', base, place, fail), preStop: readHooks(spec['pre_stop'], 'pre_stop', base, place, fail) };
  return { name, argv, environment: env, directory, user, stopSignal, stopGraceMs, restart, dependsOn, healthcheck, output, profiles: profiles.profiles, replicas: replicas.replicas, hooks };
}

function readHealthcheck(value: unknown, fail: (key: string, what: string) => never): Healthcheck | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isMap(value)) return fail('test', 'healthcheck is not a map');
  for (const key of Object.keys(value)) if (!HEALTHCHECK_KEYS.has(key) && !isExtension(key)) fail(key, 'is no key of a Compose healthcheck');
  if (value['disable'] === true) return undefined;
  const test = value['test'];
  let argv: string[];
  if (typeof test === 'string') {
    if (test === 'NONE') return undefined;
    argv = ['/bin/sh', '-c', test];
  } else if (Array.isArray(test) && test.length > 0 && test.every((word) => typeof word === 'string')) {
    const [kind, ...rest] = test as string[];
    if (kind === 'NONE') return undefined;
    if (kind === 'CMD' && rest.length > 0) argv = rest;
    else if (kind === 'CMD-SHELL' && rest.length === 1) argv = ['/bin/sh', '-c', rest[0]!];
    else return fail('test', 'is neither ["CMD", ...], ["CMD-SHELL", "..."], "NONE" nor a string');
  } else {
    return fail('test', 'is missing, or neither ["CMD", ...], ["CMD-SHELL", "..."], "NONE" nor a string');
  }
  const duration = (key: string, fallback: number): number => {
    const given = value[key];
    if (given === undefined || given === null) return fallback;
    return durationMs(given) ?? fail(key, `${JSON.stringify(given)} is no duration (10s, 1m30s, 500ms)`);
  };
  const retries = value['retries'] ?? COMPOSE_DEFAULTS.retries;
  if (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 1) fail('retries', 'is not a whole number of at least 1');
  return {
    argv,
    intervalMs: duration('interval', COMPOSE_DEFAULTS.intervalMs),
    timeoutMs: duration('timeout', COMPOSE_DEFAULTS.timeoutMs),
    retries: retries as number,
    startPeriodMs: duration('start_period', COMPOSE_DEFAULTS.startPeriodMs),
    startIntervalMs: duration('start_interval', COMPOSE_DEFAULTS.startIntervalMs),
  };
}
