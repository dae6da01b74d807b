import type { LogLevel } from '../streams/events.js';

export const PROGRAM = 'docker-container-init';

/** SPEC §5: `[LEVEL][docker-container-init] message`. */
export function textLine(level: LogLevel, message: string): string {
  return `[${level.toUpperCase()}][${PROGRAM}] ${message}`;
}
