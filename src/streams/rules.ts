// Every rule, by the kind of fact it turns into actions: a step's actions are
// its input's own lines (describe-input.ts), then each fact's, in the order
// the move found them.
import type { FactKind, Rule } from './lifecycle/step.js';
import { announceRestart } from './rules/announce-restart.js';
import { announceShutdown } from './rules/announce-shutdown.js';
import { broadcastSigterm } from './rules/broadcast-sigterm.js';
import { deliverSignal } from './rules/deliver-signal.js';
import { describeExit } from './rules/describe-exit.js';
import { dropSignal } from './rules/drop-signal.js';
import { exitWithStatus } from './rules/exit-with-status.js';
import { holdSigterm } from './rules/hold-sigterm.js';
import { killAtGrace } from './rules/kill-at-grace.js';
import { killService } from './rules/kill-service.js';
import { reportRemaining } from './rules/report-remaining.js';
import { startService } from './rules/start-service.js';
import { stopService } from './rules/stop-service.js';
import { waitForChildren } from './rules/wait-for-children.js';
import { warnReaped } from './rules/warn-reaped.js';

export const RULES: { readonly [Kind in FactKind]: Rule<Kind> } = {
  start: startService,
  deliver: deliverSignal,
  drop: dropSignal,
  hold: holdSigterm,
  exited: describeExit,
  restarting: announceRestart,
  orphan: warnReaped,
  shutdown: announceShutdown,
  stopService,
  killService,
  broadcast: broadcastSigterm,
  sweep: waitForChildren,
  killAll: killAtGrace,
  report: reportRemaining,
  exit: exitWithStatus,
};
