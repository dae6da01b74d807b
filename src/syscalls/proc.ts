// What /proc says about the processes the init can see (its PID namespace's /proc).
import { readdirSync, readFileSync } from 'node:fs';

export function processIds(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && pid > 0) pids.push(pid);
  }
  return pids;
}

/** The fields of /proc/PID/stat after the command name (state, ppid, ...), or undefined if the process is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function parentPid(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields === undefined ? undefined : Number(fields[1]);
}

/** True for a process that has exited and waits to be reaped (or is gone already). */
export function isZombie(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state === undefined || state === 'Z' || state === 'X';
}

/** Every process whose chain of parents leads to root (root excluded). */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of processIds()) {
    const parent = parentPid(pid);
    if (parent === undefined) continue;
    const siblings = children.get(parent);
    if (siblings) siblings.push(pid);
    else children.set(parent, [pid]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** The children of this process (of all its threads), from /proc/self/task/TID/children. */
export function ownChildren(): number[] {
  const children: number[] = [];
  for (const task of readdirSync('/proc/self/task')) {
    try {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'latin1').split(' ')) {
        if (pid !== '' && pid !== '\n') children.push(Number(pid));
      }
    } catch {
      // the thread ended meanwhile
    }
  }
  return children;
}

/** The longest command line a log line names; longer ones are cut. */
const COMMAND_LINE_CHARS = 80;

/** A process's command line from /proc (arguments joined by spaces, cut short), or its [name] when it has none (a zombie). */
export function commandLine(pid: number): string {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter((word) => word !== '');
    if (words.length > 0) {
      const line = words.join(' ');
      return line.length > COMMAND_LINE_CHARS ? `${line.slice(0, COMMAND_LINE_CHARS - 1)}…` : line;
    }
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return `[${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}]`;
  } catch {
    return '[gone]';
  }
}
