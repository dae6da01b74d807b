// process.binding, Node's old door to its internal bindings: deprecated in
// the docs (DEP0111), still there on every line the init supports, and the
// cheapest way to a few facts Node keeps (docs/platforms.md lists which).
// Each caller has a fallback through public API for a line where it is gone.

/** The binding `name`, or undefined; its deprecation warning (which would open process.stderr: boot/stdio-guard.ts) silenced. */
export function quietBinding<T>(name: string): T | undefined {
  const quiet = process.noDeprecation;
  process.noDeprecation = true;
  try {
    return (process as unknown as { binding(name: string): T }).binding(name);
  } catch {
    return undefined;
  } finally {
    process.noDeprecation = quiet === true;
  }
}
