// Signals the init brings upon itself. Writing to a pipe whose reader has gone
// raises SIGPIPE in the writer (and an oversized write to a file, SIGXFSZ). The
// init catches both in order to forward them, so the one its own write caused
// must be told apart from one sent by somebody else: the log writer notes it,
// and the signal source drops exactly that many receipts.
export interface SelfInflictedSignals {
  note(signal: number): void;
  /** True (and forgotten) when this receipt of `signal` was caused by the init itself. */
  take(signal: number): boolean;
}

export function selfInflictedSignals(): SelfInflictedSignals {
  const pending = new Map<number, number>();
  return {
    note(signal) {
      pending.set(signal, (pending.get(signal) ?? 0) + 1);
    },
    take(signal) {
      const count = pending.get(signal) ?? 0;
      if (count === 0) return false;
      pending.set(signal, count - 1);
      return true;
    },
  };
}
