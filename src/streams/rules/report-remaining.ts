// Rule: while the init waits (SPEC §10), it names what keeps it waiting: 1 s
// into the wait, then at growing intervals (the lifecycle sets the timer).
import type { Rule } from '../lifecycle/step.js';

export const reportRemaining: Rule<'report'> = () => [{ type: 'report' }];
