// The init's stdout and stderr, each a sink (sink.ts): everything the init
// writes goes through them, in order, without ever waiting (SPEC §16). A write
// to a terminal goes out with SIGTTOU and SIGTTIN blocked (syscalls/terminal.ts):
// once the command has the terminal's foreground, the init writes from the
// background, and `stty tostop` must neither stop it nor trap it in a write
// that restarts after every SIGTTOU.
import { withTerminalStopsBlocked } from '../syscalls/terminal.js';
import type { SelfInflictedSignals } from './self-inflicted-signals.js';
import { createSink, type Sink } from './sink.js';

/** How long the exit waits for what is still queued (SPEC §16: at least 1 s, at most 2 s). */
export const EXIT_FLUSH_MS = 2_000;

export interface StandardSinks {
  readonly stdout: Sink;
  readonly stderr: Sink;
  /** Resolves once both have written everything, or EXIT_FLUSH_MS have passed. */
  flush(): Promise<void>;
}

export function standardSinks(selfInflicted?: SelfInflictedSignals): StandardSinks {
  const options = { guard: withTerminalStopsBlocked, selfInflicted };
  const stdout = createSink(1, options);
  const stderr = createSink(2, options);
  return {
    stdout,
    stderr,
    flush: async () => {
      await Promise.all([stdout.flush(EXIT_FLUSH_MS), stderr.flush(EXIT_FLUSH_MS)]);
    },
  };
}
