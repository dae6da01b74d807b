// How the log names a program, in one place: "the command (pid 7)" when it is
// the only command; "command 2 (pid 8: php-fpm -F)" among several (--run);
// "service web (pid 9)" for a service of the file. Without a pid when it has none.
import type { SupervisorConfig } from './config.js';

/** The longest command line a label shows; longer ones are cut. */
const LINE_CHARS = 60;

export function serviceLabel(config: Pick<SupervisorConfig, 'services'>, index: number, pid?: number): string {
  const service = config.services[index];
  const at = pid === undefined ? '' : `pid ${pid}`;
  if (service?.role === 'service') return at === '' ? `service ${service.name}` : `service ${service.name} (${at})`;
  const commands = config.services.filter((other) => other.role !== 'service');
  if (commands.length <= 1) return at === '' ? 'the command' : `the command (${at})`;
  const full = (service?.argv ?? []).join(' ');
  const line = full.length > LINE_CHARS ? `${full.slice(0, LINE_CHARS - 1)}…` : full;
  const number = commands.indexOf(service!) + 1;
  return `command ${number} (${at === '' ? line : `${at}: ${line}`})`;
}
