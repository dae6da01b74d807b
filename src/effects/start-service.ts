// Starting a program (SPEC §3.1, §13, §14, §17), and what it means for the
// event stream: 'spawned' with its pid, or 'spawnFailed' with 127, 126 or 125
// and the reason.
import { NO_PROCESS_ERRNOS, statusForSpawnError } from '../posix/exit-status.js';
import { environmentBytes } from '../boot/kept-environment.js';
import type { InitEvent } from '../streams/events.js';
import type { Service } from '../streams/service.js';
import { setVariables } from '../posix/set-variables.js';
import { strerror } from '../syscalls/libc.js';
import { spawnCommand } from '../syscalls/spawn-command.js';
import { giveTerminal, ownsTerminal } from '../syscalls/terminal.js';
import type { ServiceOutput } from './service-output.js';
import { workingDirHint } from './working-dir-hint.js';

/** What every program starts with, whichever it is. */
export interface StartContext {
  /** Descriptors the init inherited, to hand on. */
  readonly inheritedFds: readonly number[];
  /** The directory the init started in, when it has left it already (a program's working_dir comes first). */
  readonly directory: Uint8Array | undefined;
  /** The app's environment, when it is not the init's own (boot/kept-environment.ts). */
  readonly environment: readonly Uint8Array[] | undefined;
}

/** `base` (the init's environment when undefined) with `variables` set on top: each replaces an entry of the same name. */
export function withVariables(base: readonly Uint8Array[] | undefined, variables: readonly Uint8Array[]): readonly Uint8Array[] | undefined {
  if (variables.length === 0) return base;
  return setVariables(base ?? environmentBytes(), variables);
}

export function startService(index: number, service: Service, processGroup: boolean, context: StartContext, output?: ServiceOutput): InitEvent[] {
  const { launch } = service;
  const ends = output?.open(index);
  if (ends instanceof Error) return [{ kind: 'spawnFailed', service: index, status: statusForSpawnError(ends.code), reason: `${ends.message} (for its output)` }];
  // On a terminal (docker run -it) the main command gets a process group of
  // its own, and that group the terminal's foreground: Ctrl-C reaches it once,
  // straight from the terminal, and an interactive shell gets job control.
  const terminal = launch.foreground && ownsTerminal(0) ? 0 : undefined;
  const result = spawnCommand({
    argv: launch.argv,
    processGroup,
    foregroundOf: terminal,
    inheritedFds: context.inheritedFds,
    directory: launch.directory ?? context.directory,
    environment: withVariables(context.environment, launch.environment),
    user: launch.user,
    stdout: ends?.stdout,
    stderr: ends?.stderr,
  });
  if (ends) output!.started(index, ends, 'pid' in result);
  if (!('pid' in result)) {
    const hint = NO_PROCESS_ERRNOS.has(result.errno) ? ' (no new process could be made: a pids or memory limit?)' : workingDirHint(launch.directory, result.errno);
    return [{ kind: 'spawnFailed', service: index, status: statusForSpawnError(result.errno), reason: `${strerror(result.errno)}${hint}` }];
  }
  const events: InitEvent[] = [];
  if (terminal !== undefined) {
    // Where the C library could not have the child do it itself (musl).
    const error = result.tookForeground ? undefined : giveTerminal(terminal, result.pid);
    events.push(
      error
        ? { kind: 'note', level: 'warn', message: `${error.message}; the command does not have the terminal's foreground` }
        : { kind: 'note', level: 'debug', message: `the command (pid ${result.pid}) has the terminal's foreground` },
    );
  }
  events.push({ kind: 'spawned', service: index, pid: result.pid });
  return events;
}
