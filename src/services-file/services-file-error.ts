// Every problem in a services file is one line that names the file, the
// service and the key (SPEC §17); the init exits 2 before starting anything.

export class ServicesFileError extends Error {}

/** "services.yaml: service web: key restart: ..." (the parts that apply). */
export function problem(file: string, where: { readonly service?: string; readonly key?: string }, what: string): ServicesFileError {
  const parts = [file];
  if (where.service !== undefined) parts.push(`service ${where.service}`);
  if (where.key !== undefined) parts.push(`key ${where.key}`);
  return new ServicesFileError(`${parts.join(': ')}: ${what}`);
}
