// Rule: the shutdown sequence begins (SPEC §3.3): say why, then broadcast
// SIGTERM, unless -B or -W, or --grace has already killed everything.
import { SIGTERM } from '../../posix/signals.js';
import { log, type Action } from '../events.js';
import { isShuttingDown, type Rule } from '../lifecycle.js';

export const beginShutdown: Rule = ({ before, after }) => {
  if (isShuttingDown(before) || !isShuttingDown(after)) return [];
  const actions: Action[] = [log('info', `shutting down: ${after.stop?.reason ?? 'unknown'}`)];
  if (after.shutdown && after.shutdown.signalled === undefined) actions.push({ type: 'broadcast', signal: SIGTERM });
  return actions;
};
