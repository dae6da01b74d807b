// Rule: SIGTERM to every process the init answers for (SPEC §3.3 step 1): as
// the shutdown's opening, and again for a SIGTERM or SIGINT during the wait.
import { SIGTERM } from '../../posix/signals.js';
import type { Rule } from '../lifecycle/step.js';

export const broadcastSigterm: Rule<'broadcast'> = () => [{ type: 'broadcast', signal: SIGTERM }];
