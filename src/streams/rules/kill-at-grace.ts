// Rule: --grace (SPEC §10). When the clock runs out, every process the init is
// responsible for gets SIGKILL, the commands included if they still run; the
// lifecycle then reaps them and exits as usual.
import type { Rule } from '../lifecycle/step.js';

export const killAtGrace: Rule<'killAll'> = () => [{ type: 'kill' }];
