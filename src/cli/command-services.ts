// The commands of the command line as the records the init supervises (SPEC
// §3.1, §15): the --run commands in the order given, then the main command
// (after the options). Each is a program with today's policies: no restart,
// SIGTERM to stop it, its output the init's own. On a terminal the main
// command gets the foreground; with only --run commands, the first.
import { SIGTERM } from '../posix/signals.js';
import type { Role, Service } from '../streams/service.js';

export interface CommandLine {
  readonly argv: readonly string[];
  /** The same words as the init received them, as bytes (a Latin-1 file name stays one). */
  readonly bytes: readonly Uint8Array[];
}

function commandService(role: Role, command: CommandLine, foreground: boolean): Service {
  return {
    name: command.argv.join(' '),
    role,
    argv: command.argv,
    restart: { kind: 'no' },
    stopSignal: SIGTERM,
    stopGraceMs: undefined,
    dependsOn: [],
    healthcheck: undefined,
    launch: { argv: command.bytes, environment: [], directory: undefined, user: undefined, foreground, output: 'inherit' },
  };
}

export function commandServices(runs: ReadonlyArray<readonly string[]>, main: CommandLine | undefined): Service[] {
  const services = runs.map((argv, index) => commandService('run', { argv, bytes: argv.map((word) => Buffer.from(word)) }, main === undefined && index === 0));
  if (main !== undefined) services.push(commandService('main', main, true));
  return services;
}
