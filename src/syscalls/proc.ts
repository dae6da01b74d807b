// What /proc says about the processes the init answers for. /proc may belong
// to another PID namespace than the init's (`unshare --pid` without
// --mount-proc, a container that mounted the host's /proc): its numbers are
// then not the ones kill() takes here. Every process is therefore known by
// both: `pid`, its number in the init's namespace (for kill), and `proc`,
// where /proc shows it (for reading).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Seen {
  /** Its pid in the init's PID namespace. */
  readonly pid: number;
  /** Its number in /proc. */
  readonly proc: number;
}

// Which /proc this is does not change while the init runs: looked at once.
let own: boolean | undefined;

/** Whether /proc shows the init's own PID namespace. */
export function procIsOwn(): boolean {
  if (own === undefined) {
    try {
      own = readlinkSync('/proc/self') === String(process.pid);
    } catch {
      own = false;
    }
  }
  return own;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return undefined;
  }
}

/** The children of /proc/<proc> (of all its threads), as /proc numbers them. */
function childrenOf(proc: number | 'self'): number[] {
  const children: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${proc}/task`);
  } catch {
    return children; // gone meanwhile
  }
  for (const task of tasks) {
    for (const word of (read(`/proc/${proc}/task/${task}/children`) ?? '').split(' ')) {
      if (word !== '' && word !== '\n') children.push(Number(word));
    }
  }
  return children;
}

/** The NSpid line of /proc/<proc>/status: its pid in each PID namespace from /proc's down to its own. */
function namespacePids(proc: number | 'self'): number[] {
  const line = /^NSpid:\s*(.*)$/m.exec(read(`/proc/${proc}/status`) ?? '')?.[1];
  return line === undefined ? [] : line.trim().split(/\s+/).map(Number);
}

/**
 * A translator from /proc numbers to pids in the init's namespace: the
 * identity when /proc is its own; otherwise the entry of NSpid at the init's
 * own depth (a process that has none there is not in the init's namespace).
 */
function translator(): (proc: number) => number | undefined {
  if (procIsOwn()) return (proc) => proc;
  const depth = namespacePids('self').length;
  return (proc) => {
    const pids = namespacePids(proc);
    return pids.length >= depth && depth > 0 ? pids[depth - 1] : undefined;
  };
}

/** Every descendant of the init, breadth first, from each process's list of children. */
export function descendants(): Seen[] {
  const here = translator();
  const found: Seen[] = [];
  const queue = childrenOf('self');
  while (queue.length > 0) {
    const proc = queue.shift()!;
    const pid = here(proc);
    if (pid === undefined) continue;
    found.push({ pid, proc });
    queue.push(...childrenOf(proc));
  }
  return found;
}

/** The children of this process, as pids in its namespace. */
export function ownChildren(): number[] {
  const here = translator();
  return childrenOf('self').map(here).filter((pid): pid is number => pid !== undefined);
}

/** Every process of the init's namespace but the init itself, for PID 1 (its descendants, when /proc is another's). */
export function namespaceProcesses(): Seen[] {
  if (!procIsOwn()) return descendants();
  const found: Seen[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) found.push({ pid, proc: pid });
  }
  return found;
}

/** The fields of /proc/N/stat after the command name (state, ppid, ...), or undefined if it is gone. */
function statFields(proc: number): string[] | undefined {
  const stat = read(`/proc/${proc}/stat`);
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** True for a process that has exited and waits to be reaped (or is gone already). */
export function isZombie(proc: number): boolean {
  const state = statFields(proc)?.[0];
  return state === undefined || state === 'Z' || state === 'X';
}

/** The longest command line a log line names; longer ones are cut. */
const COMMAND_LINE_CHARS = 80;

/** A process's command line (arguments joined by spaces, cut short), or its [name] when it has none (a zombie). */
export function commandLine(proc: number): string {
  const words = (read(`/proc/${proc}/cmdline`) ?? '').split('\0').filter((word) => word !== '');
  if (words.length > 0) {
    const line = words.join(' ');
    return line.length > COMMAND_LINE_CHARS ? `${line.slice(0, COMMAND_LINE_CHARS - 1)}…` : line;
  }
  const stat = read(`/proc/${proc}/stat`);
  return stat === undefined ? '[gone]' : `[${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}]`;
}
