// Compose's profiles, inside one container: a service with `profiles` starts
// only when one of them is active, and COMPOSE_PROFILES (comma-separated, as
// Compose reads it; "*" for all) in the container's environment activates
// them: `docker run -e COMPOSE_PROFILES=debug` adds the services of "debug".
// A service without profiles always starts. Every service of the file is
// read and checked all the same, as Compose checks the whole file.

/** The profiles COMPOSE_PROFILES activates; "*" activates every one. */
export type ActiveProfiles = ReadonlySet<string> | '*';

/** Compose's pattern for a profile's name. */
const PROFILE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function activeProfiles(variable: string | undefined): ActiveProfiles {
  const names = (variable ?? '').split(',').map((name) => name.trim()).filter((name) => name !== '');
  return names.includes('*') ? '*' : new Set(names);
}

/** A service's `profiles` value as names, or what is wrong with it. */
export function profilesOf(value: unknown): { readonly profiles: readonly string[] } | { readonly error: string } {
  if (value === undefined || value === null) return { profiles: [] };
  if (!Array.isArray(value) || !value.every((name) => typeof name === 'string')) return { error: 'is not a list of profile names' };
  const bad = (value as string[]).find((name) => !PROFILE.test(name));
  return bad === undefined ? { profiles: value as string[] } : { error: `${JSON.stringify(bad)} is no profile name (letters, digits, _ . -)` };
}

export function isEnabled(profiles: readonly string[], active: ActiveProfiles): boolean {
  return profiles.length === 0 || active === '*' || profiles.some((name) => active.has(name));
}
