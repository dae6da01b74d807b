// Node's internal bindings, through process.binding. It prints a deprecation
// warning, and printing would open process.stderr as a libuv stream (see
// shell/stdio-guard.ts), so the warning is silenced for the call.
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
