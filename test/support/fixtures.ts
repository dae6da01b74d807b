// Events, actions, programs and configurations for the pure pipeline's tests,
// each written out literally (the CLI's own resolution is tested in test/cli/).
import { signalName } from '../../src/posix/signals.js';
import type { SupervisorConfig } from '../../src/streams/config.js';
import { log, type Action, type ChildExit, type InitEvent } from '../../src/streams/events.js';
import { STANDARD_FORWARDED } from '../../src/streams/forwarded-signals.js';
import type { HookKind, Service } from '../../src/streams/service.js';
import { SIGTERM } from './signals.js';

export const RANGE = { min: 34, max: 64 };
export const name = (signal: number): string => signalName(signal, RANGE);

/** A command as the command line makes one: no restart, SIGTERM stops it. */
export const command = (argv: readonly string[] = ['cmd'], overrides: Partial<Service> = {}): Service => ({
  name: argv.join(' '),
  role: 'main',
  argv,
  restart: { kind: 'no' },
  stopSignal: SIGTERM,
  stopGraceMs: undefined,
  dependsOn: [],
  healthcheck: undefined,
  launch: { argv: argv.map((word) => Buffer.from(word)), environment: [], directory: undefined, user: undefined, foreground: true, output: 'inherit' },
  ...overrides,
});

/** A service of a services file, named `name`. */
export const service = (serviceName: string, overrides: Partial<Service> = {}): Service =>
  command([serviceName], { name: serviceName, role: 'service', ...overrides, launch: { ...command([serviceName]).launch, foreground: false, output: 'labelled' } });

/** One command, `cmd`, every debug line on, the classic defaults; override what a test is about. */
export const config = (overrides: Partial<SupervisorConfig> = {}): SupervisorConfig => ({
  services: [command()],
  processGroup: false,
  waitForChildren: true,
  broadcast: true,
  shutdownOnSigint: true,
  forwarded: new Set(STANDARD_FORWARDED),
  rewrites: new Map(),
  exitCodesToZero: new Set(),
  delayTermMs: 0,
  graceMs: undefined,
  warnReaped: false,
  logLevel: 'debug',
  signalName: name,
  ...overrides,
});

/** No command: the "container as VM" mode. */
export const idle = (overrides: Partial<SupervisorConfig> = {}): SupervisorConfig => config({ services: [], ...overrides });

export const exited = (pid: number, code: number): ChildExit => ({ pid, code, signal: null });
export const killed = (pid: number, signal: number): ChildExit => ({ pid, code: null, signal });

export const ev = {
  ready: (): InitEvent => ({ kind: 'ready' }),
  spawned: (pid: number, service = 0): InitEvent => ({ kind: 'spawned', service, pid }),
  spawnFailed: (status: number, reason = 'No such file or directory', service = 0): InitEvent => ({ kind: 'spawnFailed', service, status, reason }),
  signal: (signal: number): InitEvent => ({ kind: 'signal', signal }),
  /** A signal that came while Node.js was starting, noticed later (a debugger it opened). */
  signalAtStartUp: (signal: number): InitEvent => ({ kind: 'signal', signal, atStartUp: true }),
  reaped: (exits: ChildExit[], childless = false): InitEvent => ({ kind: 'reaped', exits, childless }),
  hookStarted: (pid: number, hook: HookKind, service = 0): InitEvent => ({ kind: 'hookStarted', service, hook, pid }),
  signalled: (count: number, signal = SIGTERM): InitEvent => ({ kind: 'signalled', signal, count }),
  killed: (...processes: Array<[number, string]>): InitEvent => ({ kind: 'killed', processes: processes.map(([pid, command]) => ({ pid, command })) }),
  remaining: (...processes: Array<[number, string]>): InitEvent => ({ kind: 'remaining', processes: processes.map(([pid, command]) => ({ pid, command })) }),
};

export const act = {
  spawn: (service = 0, processGroup = false): Action => ({ type: 'spawn', service, processGroup }),
  forward: (signal: number, target: number): Action => ({ type: 'forward', signal, target }),
  broadcast: (signal = SIGTERM): Action => ({ type: 'broadcast', signal }),
  sweep: (): Action => ({ type: 'sweep' }),
  kill: (): Action => ({ type: 'kill' }),
  report: (): Action => ({ type: 'report' }),
  exit: (status: number): Action => ({ type: 'exit', status }),
  hook: (hook: HookKind, index: number, service = 0): Action => ({ type: 'hook', service, hook, index }),
  log,
  /** A line of the exit, never dropped by the output. */
  final: (...args: Parameters<typeof log>): Action => ({ ...log(...args), final: true }) as Action,
};
