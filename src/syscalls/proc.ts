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

/** Parent pid from /proc/PID/stat, or undefined if the process is gone. */
function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
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
