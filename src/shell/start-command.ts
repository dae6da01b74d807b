// Starting the command (SPEC §3.1), and what it means for the event stream:
// 'spawned' with its pid, or 'spawnFailed' with 127/126 and the reason.
import type { Logger } from '../log/logger.js';
import { statusForSpawnError } from '../posix/exit-status.js';
import type { InitEvent } from '../streams/events.js';
import { strerror } from '../syscalls/libc.js';
import { spawnCommand } from '../syscalls/spawn.js';
import { giveTerminal, ownsTerminal } from '../syscalls/terminal.js';

export interface CommandStart {
  readonly command: readonly string[];
  /** -g: a process group of its own. */
  readonly ownProcessGroup: boolean;
  readonly inheritedFds: readonly number[];
  readonly logger: Logger;
}

export function startCommand({ command, ownProcessGroup, inheritedFds, logger }: CommandStart): InitEvent {
  // On a terminal (docker run -it) the command gets a process group of its
  // own, and that group the terminal's foreground: Ctrl-C reaches it once,
  // straight from the terminal, and an interactive shell gets job control.
  const terminal = ownsTerminal(0) ? 0 : undefined;
  const result = spawnCommand({ argv: command, ownProcessGroup, foregroundOf: terminal, inheritedFds });
  if (!('pid' in result)) {
    return { kind: 'spawnFailed', status: statusForSpawnError(result.errno), command: command[0]!, reason: strerror(result.errno) };
  }
  if (terminal !== undefined) {
    // Where the C library could not have the child do it itself (musl).
    const error = result.tookForeground ? undefined : giveTerminal(terminal, result.pid);
    if (error) logger.log('warn', `${error.message}; the command does not have the terminal's foreground`);
    else logger.log('debug', `the command (pid ${result.pid}) has the terminal's foreground`);
  }
  return { kind: 'spawned', pid: result.pid };
}
