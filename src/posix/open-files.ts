// How many descriptors the init needs open at once, and the one line that
// says so when the limit (ulimit -n) is lower: the CLI checks the limit before
// it starts anything, and the single executable's loader says the same when
// the limit stops it even sooner (syscalls/koffi-sea.cts).

/**
 * Descriptors the init needs (Node.js's own, its stdout and stderr opened
 * again, a reap pass's look into /proc, with a few to spare). Below 19 Node.js
 * itself cannot load the init; below 11 /bin/sh cannot read the npm package's
 * launcher (docs/limits.md).
 */
export const MIN_OPEN_FILES = 24;

/** The error line for a limit below MIN_OPEN_FILES (`limit` undefined: it could not be read). */
export function openFilesTooFew(limit: number | undefined): string {
  const is = limit === undefined ? 'is too low' : `is ${limit}`;
  return `the open files limit (ulimit -n) ${is}, and the init needs at least ${MIN_OPEN_FILES}: raise it (docker run --ulimit nofile=1024)`;
}
