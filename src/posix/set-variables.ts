// An environment ("NAME=value" entries, as bytes) with variables set on top:
// each replaces an entry of the same name, as setenv does. For a program's
// environment over the init's (effects/start-service.ts) and a hook's over
// its service's (services-file/read-hooks.ts).

const nameOf = (entry: Uint8Array): string => Buffer.from(entry.subarray(0, Math.max(entry.indexOf(0x3d), 0))).toString('latin1');

export function setVariables<T extends Uint8Array>(base: readonly T[], variables: readonly T[]): T[] {
  if (variables.length === 0) return [...base];
  const names = new Set(variables.map(nameOf));
  return [...base.filter((entry) => !names.has(nameOf(entry))), ...variables];
}
