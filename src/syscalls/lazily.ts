// koffi parses a C prototype when a function is declared (about 14 µs each
// on Node 20 and 24): the init's tables of C functions declare each one the
// first time it is used, so that what its start does not call costs nothing
// before the command starts.

/**
 * An object whose properties are made by `makers`, each the first time it is
 * read. Declaring all of libc.ts's functions took 0.35 ms of every start on
 * Node 24, and a run uses a third of them before its command starts.
 */
export function lazily<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const made = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(makers) as (keyof T)[]) {
    Object.defineProperty(made, key, {
      enumerable: true,
      get() {
        const value = makers[key]!() as ReturnType<T[typeof key]>;
        Object.defineProperty(made, key, { value, enumerable: true });
        return value;
      },
      configurable: true,
    });
  }
  return made;
}
