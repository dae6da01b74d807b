// Node starts its debugger (an inspector listening on 127.0.0.1:9229) when it
// receives SIGUSR1 and nobody listens for it. The init listens from its first
// module on, but a SIGUSR1 that arrives while Node itself is still starting up
// finds only Node's handler. This closes such an inspector again. The binding
// is the one behind the 'inspector' module (which itself costs milliseconds to load).
import { quietBinding } from './node-binding.js';

interface InspectorBinding {
  isEnabled(): boolean;
}

/** True when an inspector had been started, which is now closed. */
export function closeStartedInspector(): boolean {
  const inspector = quietBinding<InspectorBinding>('inspector');
  if (!inspector?.isEnabled()) return false;
  (process as unknown as { _debugEnd(): void })._debugEnd();
  return true;
}
