// Compose's durations: `10s`, `1m30s`, `500ms`, `1.5s`, `2h`, `100us`; a bare
// number counts as seconds.

const UNIT_MS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(us|ms|s|m|h)/gy;

/** Milliseconds, or undefined when `value` is no duration. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  PART.lastIndex = 0;
  let total = 0;
  let at = 0;
  for (let match = PART.exec(value); match; match = PART.exec(value)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    at = PART.lastIndex;
  }
  return at === value.length ? Math.round(total) : undefined;
}
