import { libc } from './libc.js';

const RLIMIT_NOFILE = 7;

/** The soft limit on open descriptors (ulimit -n); undefined when it cannot be read. */
export function openFilesLimit(): number | undefined {
  const limit = new BigUint64Array(2);
  if ((libc.getrlimit(RLIMIT_NOFILE, limit) as number) !== 0) return undefined;
  return limit[0]! > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(limit[0]);
}
