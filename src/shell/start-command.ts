// Starting a command (SPEC §3.1), and what it means for the event stream:
// 'spawned' with its pid, or 'spawnFailed' with 127/126 and the reason.
import { NO_PROCESS_ERRNOS, statusForSpawnError } from '../posix/exit-status.js';
import type { Action, InitEvent } from '../streams/events.js';
import { strerror } from '../syscalls/libc.js';
import { spawnCommand } from '../syscalls/spawn-command.js';
import { giveTerminal, ownsTerminal } from '../syscalls/terminal.js';

type Spawn = Extract<Action, { type: 'spawn' }>;

/** How every command starts (SPEC §3.1, §13, §14), whichever it is. */
export interface Launch {
  /** Each command's argv, as bytes. */
  readonly argv: ReadonlyArray<readonly Uint8Array[]>;
  /** The command that gets the terminal's foreground (the others stay in the init's group, in its background). */
  readonly foreground: number;
  readonly inheritedFds: readonly number[];
  /** The directory the init started in, when it has already left it. */
  readonly directory: Uint8Array | undefined;
  /** The app's environment, when it is not the init's own (see app-environment.ts). */
  readonly environment: readonly Uint8Array[] | undefined;
}

export function startCommand({ command, processGroup }: Spawn, launch: Launch): InitEvent[] {
  // On a terminal (docker run -it) the main command gets a process group of
  // its own, and that group the terminal's foreground: Ctrl-C reaches it once,
  // straight from the terminal, and an interactive shell gets job control.
  const terminal = command === launch.foreground && ownsTerminal(0) ? 0 : undefined;
  const result = spawnCommand({
    argv: launch.argv[command] ?? [],
    processGroup,
    foregroundOf: terminal,
    inheritedFds: launch.inheritedFds,
    directory: launch.directory,
    environment: launch.environment,
  });
  if (!('pid' in result)) {
    const hint = NO_PROCESS_ERRNOS.has(result.errno) ? ' (no new process could be made: a pids or memory limit?)' : '';
    return [{ kind: 'spawnFailed', command, status: statusForSpawnError(result.errno), reason: `${strerror(result.errno)}${hint}` }];
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
  events.push({ kind: 'spawned', command, pid: result.pid });
  return events;
}
