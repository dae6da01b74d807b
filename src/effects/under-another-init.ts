// SPEC §12: `docker run --init` puts Docker's init (tini, as docker-init) at
// PID 1 above an ENTRYPOINT, podman puts catatonit there (as podman-init), a Kubernetes pod with
// shareProcessNamespace has pause. Each of them reaps what comes to it, so an
// init started under one needs no PID 1 of its own: it runs as with -D. What
// PID 1 is, is read from what it calls itself (/proc/1/comm), not guessed.
// The mistake the PID 1 check exists for stays an error: a shell (a
// shell-form ENTRYPOINT) or any other program that stays PID 1.
import { readFileSync } from 'node:fs';
import { isChildSubreaper } from '../syscalls/prctl.js';

/**
 * Inits that reap every child that comes to them, by the name the kernel knows
 * them by (at most 15 characters). `podman run --init` mounts catatonit as
 * /run/podman-init, so there it is podman-init.
 */
const REAPING_INITS = new Set(['docker-init', 'podman-init', 'tini', 'tini-static', 'catatonit', 'dumb-init', 'pause', 'systemd', 's6-svscan', 'runsvdir', 'docker-containe']);

/** Why the init may run without being PID 1 (words for the log), or undefined when it may not. */
export function underAnotherInit(): string | undefined {
  if (isChildSubreaper()) return 'it is a child subreaper already';
  // Its parent is PID 1, or (a pod sharing its PID namespace) lives outside the namespace.
  if (process.ppid !== 1 && process.ppid !== 0) return undefined;
  let init: string;
  try {
    init = readFileSync('/proc/1/comm', 'utf8').trim();
  } catch {
    return undefined;
  }
  return REAPING_INITS.has(init) ? `PID 1 is ${init}, an init that reaps` : undefined;
}
