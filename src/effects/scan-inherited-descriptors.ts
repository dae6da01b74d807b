// The descriptors to hand on to the command, taken at start-up. A SIGUSR1 that
// came while Node.js was starting makes Node open its debugger, possibly in the
// middle of the init's own start-up code; its listening socket must not be
// taken for an inherited descriptor. So the debugger is closed (if it is open)
// around the scan, and the scan repeated if it was open during it. A debugger
// that opens after the scan has a close-on-exec socket the command never sees,
// and watch-for-started-inspector.ts closes it.
import { openDescriptors, type OpenFd } from '../syscalls/descriptors.js';
import { inheritedDescriptors } from '../syscalls/inherited-descriptors.js';
import { closeStartedDebugger } from '../syscalls/node-internals.js';

export interface DescriptorScan {
  readonly inheritedFds: number[];
  readonly debuggerClosed: boolean;
  /** Every descriptor open at the scan, for the set-up that needs them too (effects/set-up.ts): one scan of /proc/self/fd, not two. */
  readonly open: readonly OpenFd[];
}

export function scanInheritedDescriptors(): DescriptorScan {
  let debuggerClosed = closeStartedDebugger();
  let open = openDescriptors();
  if (closeStartedDebugger()) {
    debuggerClosed = true;
    open = openDescriptors();
  }
  return { inheritedFds: inheritedDescriptors(open), debuggerClosed, open };
}
