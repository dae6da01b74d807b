// Signals that reached the init while Node.js was still starting, before any
// code of the init ran. Node installs one-shot handlers for SIGINT and SIGTERM
// at start-up (to restore the terminal, then re-raise the signal); when one
// fires, the kernel resets the signal to SIG_DFL, and PID 1 ignores the re-raised
// signal. Reading the disposition back before the init's own handlers replace
// it tells whether that happened.
import { libc } from './libc.js';

const SIGACTION_BYTES = 152; // struct sigaction on 64-bit Linux, with room to spare
const SIG_DFL = 0n;

export function signalsLostAtStartup(signals: readonly number[]): number[] {
  const old = Buffer.alloc(SIGACTION_BYTES);
  return signals.filter((signal) => {
    if ((libc.sigaction(signal, null, old) as number) !== 0) return false;
    return old.readBigUInt64LE(0) === SIG_DFL;
  });
}
