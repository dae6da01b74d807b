// A YAML (or JSON) mapping, as the services file's reader meets one: a plain
// object, not a list and not null.
export const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
