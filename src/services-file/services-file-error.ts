// Every problem in a services file is one line that names the file, the
// service and the key (SPEC §17); the init exits 2 before starting anything.

export class ServicesFileError extends Error {}

/** Where in a services file: the service and the key, as far as they apply. */
export interface Place {
  readonly service?: string;
  readonly key?: string;
}

/** "services.yaml: service web: key restart: ..." (the parts that apply); also a warning's words. */
export function located(file: string, where: Place, what: string): string {
  const parts = [file];
  if (where.service !== undefined) parts.push(`service ${where.service}`);
  if (where.key !== undefined) parts.push(`key ${where.key}`);
  return `${parts.join(': ')}: ${what}`;
}

export function problem(file: string, where: Place, what: string): ServicesFileError {
  return new ServicesFileError(located(file, where, what));
}
