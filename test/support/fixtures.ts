// Events, actions and configurations for the pure pipeline's tests. The
// configuration is the CLI's own resolution of its defaults, with overrides.
import { DEFAULT_OPTIONS } from '../../src/cli/parse.js';
import { supervisorConfig } from '../../src/cli/supervisor-config.js';
import { signalName } from '../../src/posix/signals.js';
import type { SupervisorConfig } from '../../src/streams/config.js';
import { log, type Action, type ChildExit, type InitEvent } from '../../src/streams/events.js';
import { SIGTERM } from './signals.js';

export const RANGE = { min: 34, max: 64 };
export const name = (signal: number): string => signalName(signal, RANGE);

/** One command, `cmd`, every debug line on; override what a test is about. */
export const config = (overrides: Partial<SupervisorConfig> = {}): SupervisorConfig => ({
  ...supervisorConfig(DEFAULT_OPTIONS, [['cmd']], 'debug', RANGE),
  ...overrides,
});

/** No command: the "container as VM" mode. */
export const idle = (overrides: Partial<SupervisorConfig> = {}): SupervisorConfig => config({ commands: [], ...overrides });

export const exited = (pid: number, code: number): ChildExit => ({ pid, code, signal: null });
export const killed = (pid: number, signal: number): ChildExit => ({ pid, code: null, signal });

export const ev = {
  ready: (): InitEvent => ({ kind: 'ready' }),
  spawned: (pid: number, command = 0): InitEvent => ({ kind: 'spawned', command, pid }),
  spawnFailed: (status: number, reason = 'No such file or directory', command = 0): InitEvent => ({ kind: 'spawnFailed', command, status, reason }),
  signal: (signal: number): InitEvent => ({ kind: 'signal', signal }),
  reaped: (exits: ChildExit[], childless = false): InitEvent => ({ kind: 'reaped', exits, childless }),
  signalled: (count: number, signal = SIGTERM): InitEvent => ({ kind: 'signalled', signal, count }),
};

export const act = {
  spawn: (command = 0, processGroup = false): Action => ({ type: 'spawn', command, processGroup }),
  forward: (signal: number, target: number): Action => ({ type: 'forward', signal, target }),
  broadcast: (signal = SIGTERM): Action => ({ type: 'broadcast', signal }),
  sweep: (): Action => ({ type: 'sweep' }),
  exit: (status: number): Action => ({ type: 'exit', status }),
  log,
};
