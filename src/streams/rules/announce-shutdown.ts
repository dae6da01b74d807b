// Rule: the shutdown sequence begins (SPEC §3.3): say why.
import { log } from '../events.js';
import type { Rule } from '../lifecycle/step.js';

export const announceShutdown: Rule<'shutdown'> = (_fact, { after }) => [log('info', `shutting down: ${after.outcome?.reason ?? 'unknown'}`)];
