// Writes of the init to a terminal go out with SIGTTOU and SIGTTIN blocked
// (see syscalls/terminal.ts): once the command has the terminal's foreground,
// the init writes from the background, and `stty tostop` must neither stop it
// nor trap it in a write that restarts after every SIGTTOU.
import type { WriteGuard } from '../log/line-writer.js';
import { isTerminal, withTerminalStopsBlocked } from '../syscalls/terminal.js';

export function terminalGuard(fd: number): WriteGuard | undefined {
  return isTerminal(fd) ? withTerminalStopsBlocked : undefined;
}
