// Rule: with several programs (--run, services), every program's exit gets an
// info line of its own, with its pid and command line or name. (With one
// command, the line that starts the shutdown says it all.)
import { describeExit as words } from '../../posix/exit-status.js';
import { log } from '../events.js';
import { serviceLabel } from '../label.js';
import type { Rule } from '../lifecycle/step.js';

export const describeExit: Rule<'exited'> = ({ service, exit }, _step, config) =>
  config.services.length <= 1 ? [] : [log('info', `${serviceLabel(config, service, exit.pid)} ${words(exit, config.signalName)}`)];
