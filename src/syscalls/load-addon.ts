/** Loads a native addon from a file, as require would, and returns what it exports. */
export function loadAddon<T>(file: string): T {
  const module = { exports: {} as T };
  process.dlopen(module, file);
  return module.exports;
}
