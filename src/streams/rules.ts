// Every rule, by the kind of fact it turns into actions: a step's actions are
// its input's own lines (rules/describe-input.ts), then each fact's, in the
// order the move found them.
import type { FactKind, Rule } from './lifecycle/step.js';
import { announceHealth, killProbe, runProbe } from './rules/health.js';
import { announceHookEnd, killHook, runHook } from './rules/hooks.js';
import { announceExit, announceRestart, killService, startService, stopService, warnReaped } from './rules/programs.js';
import { announceShutdown, broadcastSigterm, exitWithStatus, killAtGrace, reportRemaining, waitForChildren } from './rules/shutdown.js';
import { deliverSignal, dropSignal, holdSigterm } from './rules/signals.js';

export const RULES: { readonly [Kind in FactKind]: Rule<Kind> } = {
  start: startService,
  deliver: deliverSignal,
  drop: dropSignal,
  hold: holdSigterm,
  exited: announceExit,
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
  probe: runProbe,
  killProbe,
  health: announceHealth,
  hook: runHook,
  killHook,
  hookEnded: announceHookEnd,
  reply: ({ id, reply }) => [{ type: 'reply', id, reply }],
};
