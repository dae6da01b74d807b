// Rule: a program starts (SPEC §3.1, §17): once start-up is over, when its
// dependencies are met, or when its restart delay is over.
import type { Rule } from '../lifecycle/step.js';

export const startService: Rule<'start'> = ({ service }, _step, config) => [{ type: 'spawn', service, processGroup: config.processGroup }];
