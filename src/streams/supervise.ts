// The supervisor: every rule of SPEC §3-§4 composed into one pure function
// from what happens to the init (events) to what it does (actions). It never
// performs an action; src/shell/ does. Rules that look at the same event run
// in the order they are merged here, which fixes the order of their actions
// (a signal is logged as received before it is logged as forwarded, the
// command's reaped line comes before the shutdown it starts).
import { asyncScheduler, connect, filter, merge, share, takeUntil, type OperatorFunction, type SchedulerLike } from 'rxjs';
import type { SupervisorConfig } from './config.js';
import { isLogged, type Action, type InitEvent } from './events.js';
import { commandSignals } from './operators/command-signals.js';
import { describeEvents } from './operators/describe-events.js';
import { holdSigterm } from './operators/hold-sigterm.js';
import { rewriteSignals } from './operators/rewrite-signals.js';
import { warnReaped } from './operators/warn-reaped.js';
import { ignoreIdleSignals } from './operators/idle-signals.js';
import { routeSignals } from './operators/route-signals.js';
import { shutdownSequence } from './operators/shutdown-sequence.js';
import { shutdownTrigger } from './operators/shutdown-trigger.js';

export function supervise(config: SupervisorConfig, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<InitEvent, Action> {
  return (source) =>
    source.pipe(
      holdSigterm(config.delayTermMs, scheduler),
      connect((events) => {
        const shutdown = events.pipe(shutdownTrigger(config), share());
        const beforeShutdown = config.hasCommand
          ? events.pipe(commandSignals(), rewriteSignals(config), routeSignals(config))
          : events.pipe(ignoreIdleSignals(config), takeUntil(shutdown));
        return merge(
          events.pipe(describeEvents(config)),
          events.pipe(warnReaped(config)),
          beforeShutdown,
          shutdown.pipe(shutdownSequence(config, events)),
        );
      }),
      filter((action) => action.type !== 'log' || isLogged(action.level, config.logLevel)),
    );
}
