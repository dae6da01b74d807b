// Looking at processes from the host, through /proc.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface HostProcess {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  readonly comm: string;
}

export function hostProcess(pid: number): HostProcess | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    return { pid, comm, state: fields[0]!, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

function pidNamespace(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return undefined;
  }
}

/** Every process in the same PID namespace as `pid` (host pids), `pid` included. */
export function namespaceProcesses(pid: number): HostProcess[] {
  const ns = pidNamespace(pid);
  if (ns === undefined) return [];
  const found: HostProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    const other = Number(entry);
    if (!Number.isInteger(other) || pidNamespace(other) !== ns) continue;
    const info = hostProcess(other);
    if (info) found.push(info);
  }
  return found;
}

export function zombiesIn(pid: number): HostProcess[] {
  return namespaceProcesses(pid).filter((p) => p.state === 'Z');
}

export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function statusField(pid: number, field: string): string | undefined {
  try {
    const match = new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match?.[1];
  } catch {
    return undefined;
  }
}
