// The children a Node.js app started itself, through child_process (spawn,
// exec, execFile, fork all go through ChildProcess.prototype.spawn). libuv
// waits for each of them by pid and reports its exit; the reaper must leave
// them alone, or 'exit' would never come (or come with a wrong status).
import { ChildProcess } from 'node:child_process';

const started = new Set<number>();
let watching = false;

/** From now on, remember every child the app starts, until libuv has collected it. */
export function watchAppChildren(): void {
  if (watching) return;
  watching = true;
  // spawn is on the prototype at run time, though Node's types do not declare it.
  const prototype = ChildProcess.prototype as unknown as { spawn: (this: ChildProcess, ...args: unknown[]) => unknown };
  const spawn = prototype.spawn;
  prototype.spawn = function (this: ChildProcess, ...args: unknown[]) {
    const result = spawn.apply(this, args);
    const pid = this.pid;
    if (pid !== undefined) {
      started.add(pid);
      this.once('exit', () => started.delete(pid));
    }
    return result;
  };
}

export function isAppChild(pid: number): boolean {
  return started.has(pid);
}
