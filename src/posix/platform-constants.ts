// The platform's errno and signal numbers, Node's table of them (what
// node:os exports as `constants`), read without loading node:os: that module
// took 0.25-0.3 ms of every start on each Node.js line, before the command
// could start, and the init needs nothing else of it. The table is the
// 'constants' binding that node:os itself reads (0.01 ms); where that is gone,
// node:os.
import { quietBinding } from './node-binding.js';

export interface PlatformConstants {
  readonly errno: Readonly<Record<string, number>>;
  readonly signals: Readonly<Record<string, number>>;
}

function fromBinding(): PlatformConstants | undefined {
  const os = quietBinding<{ os?: Partial<PlatformConstants> }>('constants')?.os;
  return typeof os?.errno?.ECHILD === 'number' && typeof os.signals?.SIGTERM === 'number' ? (os as PlatformConstants) : undefined;
}

export const platformConstants: PlatformConstants = fromBinding() ?? process.getBuiltinModule('node:os').constants;
