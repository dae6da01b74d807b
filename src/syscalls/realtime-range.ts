import { libc } from './libc.js';
import type { RealtimeRange } from '../posix/signals.js';

/** SIGRTMIN..SIGRTMAX as the C library defines them (glibc keeps 32 and 33 for itself). */
export function realtimeRange(): RealtimeRange {
  return { min: libc.sigrtmin() as number, max: libc.sigrtmax() as number };
}
