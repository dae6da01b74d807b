// Events, actions and a configuration for the pure pipeline's marble tests.
import { STANDARD_FORWARDED } from '../../src/posix/forwardable.js';
import { signalName } from '../../src/posix/signals.js';
import type { SupervisorConfig } from '../../src/streams/config.js';
import { log, type Action, type ChildExit, type InitEvent } from '../../src/streams/events.js';

export const RANGE = { min: 34, max: 64 };
export const name = (signal: number): string => signalName(signal, RANGE);

export const SIGHUP = 1;
export const SIGINT = 2;
export const SIGUSR1 = 10;
export const SIGTERM = 15;
export const SIGRTMIN = 34;

export const config = (overrides: Partial<SupervisorConfig> = {}): SupervisorConfig => ({
  hasCommand: true,
  signalGroup: false,
  waitForChildren: true,
  broadcast: true,
  shutdownOnSigint: true,
  forwarded: new Set(STANDARD_FORWARDED),
  rewrites: new Map(),
  exitCodesToZero: new Set(),
  delayTermMs: 0,
  warnReaped: false,
  logLevel: 'debug',
  signalName: name,
  ...overrides,
});

export const exited = (pid: number, code: number): ChildExit => ({ pid, code, signal: null });
export const killed = (pid: number, signal: number): ChildExit => ({ pid, code: null, signal });

export const ev = {
  spawned: (pid: number): InitEvent => ({ kind: 'spawned', pid }),
  spawnFailed: (status: number, command = 'nope', reason = 'No such file or directory'): InitEvent => ({
    kind: 'spawnFailed',
    status,
    command,
    reason,
  }),
  signal: (signal: number): InitEvent => ({ kind: 'signal', signal }),
  reaped: (exits: ChildExit[], childless = false): InitEvent => ({ kind: 'reaped', exits, childless }),
};

export const act = {
  forward: (signal: number, target: number): Action => ({ type: 'forward', signal, target }),
  broadcast: (signal = SIGTERM): Action => ({ type: 'broadcast', signal }),
  sweep: (): Action => ({ type: 'sweep' }),
  exit: (status: number): Action => ({ type: 'exit', status }),
  log,
};
