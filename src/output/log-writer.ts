// Whole lines on their way to a sink (sink.ts): the init's log, and what Node
// itself prints. A line the sink cannot take (its memory bound is reached: a
// reader that has stopped) is dropped and counted, and the count is said in
// one line as soon as there is room again, and at exit. A line of the exit
// ("final": the summary, the exit status) is never dropped, and comes after
// the count: the exit status is always the last line.
import type { Sink } from './sink.js';

export interface LineWriter {
  /** Writes text that ends with a newline; `final` lines are written whatever waits. */
  write(text: string, final?: boolean): void;
}

export function lineWriter(sink: Sink, dropReport?: (count: number) => string): LineWriter {
  let dropped = 0;
  let listening = false;

  /** Says how many lines were dropped; false when there is no room for that either. */
  const report = (force: boolean): boolean => {
    if (dropped === 0 || !dropReport) return true;
    if (!sink.write(Buffer.from(dropReport(dropped)), force)) return false;
    dropped = 0;
    return true;
  };

  const drop = (): void => {
    dropped += 1;
    if (listening) return;
    listening = true;
    sink.whenRoom(() => {
      listening = false;
      report(false);
    });
  };

  return {
    write(text, final = false) {
      if (!report(final)) return drop();
      if (!sink.write(Buffer.from(text), final)) drop();
    },
  };
}
