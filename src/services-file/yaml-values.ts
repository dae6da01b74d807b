// The kinds of value the services file's reader meets in a parsed YAML (or
// JSON) document: a mapping (a plain object, not a list and not null), and a
// scalar Compose takes as text (a string, a number, a boolean).

export const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isScalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);
