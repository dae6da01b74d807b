// The supervisor: SPEC §3-§8 as one pure function from what happens to the
// init (events) to what it does (actions). It never performs an action;
// src/shell/ does, and feeds what it learnt back in as events.
//
// One state, the lifecycle (lifecycle.ts), is moved on by every input: a scan.
// Each rule is a pure function of one step (the state before and after, and
// the input) and the order of RULES is the order of their actions within a
// step: a signal is logged as received before it is forwarded, a reaped pid
// before the shutdown it starts. Timers are part of the state (when each one
// fires); this operator starts and cancels them on the injected scheduler as
// the state changes, and a timer that fires is one more input.
// An input that arrives while a step's actions are being emitted (the shell
// feeding back the result of an action, synchronously) waits for that step to
// end: steps never interleave.
import { asyncScheduler, Observable, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import type { SupervisorConfig } from './config.js';
import { isLogged, type Action, type InitEvent } from './events.js';
import { advance, initialLifecycle, type Input, type Rule, type TimerName } from './lifecycle.js';
import { beginShutdown } from './rules/begin-shutdown.js';
import { deliverSignals } from './rules/deliver-signals.js';
import { describeCommandExits } from './rules/describe-command-exits.js';
import { describeInput } from './rules/describe-input.js';
import { exitWithStatus } from './rules/exit-with-status.js';
import { holdSigterm } from './rules/hold-sigterm.js';
import { killAtGrace } from './rules/kill-at-grace.js';
import { reportRemaining } from './rules/report-remaining.js';
import { signalsWhileWaiting } from './rules/signals-while-waiting.js';
import { startCommands } from './rules/start-commands.js';
import { waitForChildren } from './rules/wait-for-children.js';
import { warnReaped } from './rules/warn-reaped.js';

const RULES: readonly Rule[] = [
  describeInput,
  describeCommandExits,
  warnReaped,
  holdSigterm,
  startCommands,
  deliverSignals,
  beginShutdown,
  signalsWhileWaiting,
  waitForChildren,
  killAtGrace,
  reportRemaining,
  exitWithStatus,
];

const TIMERS: readonly TimerName[] = ['delayTerm', 'grace', 'report'];

/** Completes after the exit action. */
export function supervise(config: SupervisorConfig, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<InitEvent, Action> {
  return (events) =>
    new Observable<Action>((subscriber) => {
      let state = initialLifecycle(config);
      const timers = new Map<TimerName, Subscription>();
      const queue: Input[] = [];
      let stepping = false;

      const syncTimers = (before: typeof state): void => {
        for (const name of TIMERS) {
          const due = state.timers[name];
          if (due === before.timers[name]) continue;
          timers.get(name)?.unsubscribe();
          timers.delete(name);
          if (due !== undefined) timers.set(name, scheduler.schedule(() => feed({ kind: 'timer', name }), due - scheduler.now()));
        }
      };

      const step = (input: Input): void => {
        const before = state;
        const now = scheduler.now();
        state = advance(before, input, now, config);
        syncTimers(before);
        for (const rule of RULES) {
          for (const action of rule({ before, after: state, input, now }, config)) {
            if (action.type !== 'log' || isLogged(action.level, config.logLevel)) subscriber.next(action);
          }
        }
        if (state.phase === 'exiting') subscriber.complete();
      };

      function feed(input: Input): void {
        queue.push(input);
        if (stepping) return;
        stepping = true;
        try {
          while (queue.length > 0 && !subscriber.closed) step(queue.shift()!);
        } catch (error) {
          subscriber.error(error);
        } finally {
          stepping = false;
          queue.length = 0;
        }
      }

      const subscription = events.subscribe({
        next: feed,
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        subscription.unsubscribe();
        for (const timer of timers.values()) timer.unsubscribe();
      };
    });
}
