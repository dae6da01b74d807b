// The descriptors to hand on to the command, taken at start-up. A SIGUSR1 that
// came while Node.js was starting makes Node open its debugger, possibly in the
// middle of the init's own start-up code; its listening socket must not be
// taken for an inherited descriptor. So the debugger is closed (if it is open)
// around the scan, and the scan repeated if it was open during it. A debugger
// that opens after the scan has a close-on-exec socket the command never sees,
// and watch-for-started-inspector.ts closes it.
import { inheritedDescriptors } from '../syscalls/inherited-descriptors.js';
import { closeStartedDebugger } from '../syscalls/node-internals.js';

export function scanInheritedDescriptors(): { inheritedFds: number[]; debuggerClosed: boolean } {
  let debuggerClosed = closeStartedDebugger();
  let inheritedFds = inheritedDescriptors();
  if (closeStartedDebugger()) {
    debuggerClosed = true;
    inheritedFds = inheritedDescriptors();
  }
  return { inheritedFds, debuggerClosed };
}
