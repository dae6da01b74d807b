// Rule: wait until the init has no child left at all (SPEC §3.3 step 2). It
// asks for a fresh pass of the reap loop at once: a child may have been
// re-parented to the init since the last pass, and re-parenting sends no
// SIGCHLD. The lifecycle exits at the first pass after it that ends in ECHILD.
import { log } from '../events.js';
import type { Rule } from '../lifecycle/step.js';

export const waitForChildren: Rule<'sweep'> = () => [log('info', 'waiting for every child to exit'), { type: 'sweep' }];
