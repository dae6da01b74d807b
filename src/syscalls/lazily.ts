// koffi parses a C prototype when a function is declared (about 14 µs each
// on Node 20 and 24): the init's tables of C functions declare each one the
// first time it is used, so that what its start does not call costs nothing
// before the command starts.

/**
 * An object whose properties are made by `makers`, each the first time it is
 * read. Declaring all of libc.ts's functions took 0.35 ms of every start on
 * Node 24, and a run uses a third of them before its command starts.
 * A proxy, not an accessor property per maker: defining 45 accessors, and
 * redefining each as it was first read, took 0.2-0.3 ms more of the start on
 * Node 20 and 24 (a proxy's trap costs well under a microsecond a read, next to
 * the C call that follows it).
 */
export function lazily<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made: Partial<Record<keyof T, unknown>> = {};
  return new Proxy(made, {
    get(target, key) {
      if (!Object.hasOwn(makers, key)) return undefined;
      const name = key as keyof T;
      if (!Object.hasOwn(target, name)) target[name] = makers[name]!();
      return target[name];
    },
  }) as { readonly [K in keyof T]: ReturnType<T[K]> };
}
