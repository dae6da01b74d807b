// The commands of the command line as the records the init supervises (SPEC
// §3.1, §15, §17): after a services file's services, the --run commands in the
// order given, then the main command (after the options). Each is a program with today's policies: no restart,
// SIGTERM to stop it, its output the init's own. On a terminal the main
// command gets the foreground; with only --run commands, the first.
import { SIGTERM } from '../posix/signals.js';
import { isOneShot } from '../streams/lifecycle/restart.js';
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

/**
 * Every program to supervise: the services of a file first (in their start
 * order), then the --run commands, then the main command, which starts after
 * every service and stops before them, as if it depended on them all
 * (SPEC §17): each started, and each one-shot completed.
 */
export function commandServices(runs: ReadonlyArray<readonly string[]>, main: CommandLine | undefined, services: readonly Service[] = []): Service[] {
  const programs = [...services];
  for (const [index, argv] of runs.entries()) programs.push(commandService('run', { argv, bytes: argv.map((word) => Buffer.from(word)) }, main === undefined && index === 0));
  if (main === undefined) return programs;
  const dependsOn = services.map((_service, index) => ({
    service: index,
    condition: isOneShot({ services }, index) ? ('service_completed_successfully' as const) : ('service_started' as const),
  }));
  programs.push({ ...commandService('main', main, true), dependsOn });
  return programs;
}
