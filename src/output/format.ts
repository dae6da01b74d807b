// The two log line formats (SPEC §5, §8 --log-format).
import type { LogFields, LogLevel } from '../streams/events.js';

export const PROGRAM = 'docker-container-init';

export type LogFormat = 'text' | 'json';

/** `[LEVEL][docker-container-init] message` */
export function textLine(level: LogLevel, message: string): string {
  return `[${level.toUpperCase()}][${PROGRAM}] ${message}`;
}

/** One JSON object: level, message, time (ISO 8601), pid, then the context fields. */
function jsonLine(level: LogLevel, message: string, fields?: LogFields, now: Date = new Date()): string {
  return JSON.stringify({ level, message, time: now.toISOString(), pid: process.pid, ...fields });
}

export function formatLine(format: LogFormat, level: LogLevel, message: string, fields?: LogFields): string {
  return format === 'json' ? jsonLine(level, message, fields) : textLine(level, message);
}
