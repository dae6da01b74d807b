// sigset_t as the kernel and the C library lay it out on Linux: a bit mask in
// which signal N is bit N-1, 1024 bits wide in glibc and musl.
const SIGSET_BYTES = 128;
/** _NSIG - 1 on Linux: the highest signal number. */
const HIGHEST_SIGNAL = 64;

export function sigset(signals: Iterable<number>): Buffer {
  const set = Buffer.alloc(SIGSET_BYTES);
  for (const signal of signals) set[(signal - 1) >> 3]! |= 1 << ((signal - 1) & 7);
  return set;
}

export function allSignals(): number[] {
  return Array.from({ length: HIGHEST_SIGNAL }, (_, i) => i + 1);
}
