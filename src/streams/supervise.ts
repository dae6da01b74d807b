// The supervisor: SPEC §3-§19 as one pure function from what happens to the
// init (events) to what it does (actions). It never performs an action;
// src/effects/ does, and feeds what it learnt back in as events.
//
// One state, the lifecycle (lifecycle/advance.ts), is moved on by every input:
// a scan. Each move returns its facts in order; each rule (rules.ts) turns one
// kind of fact into actions, after the input's own log lines. Timers are part
// of the state (when each one fires); this operator starts and cancels them on
// the injected scheduler as the state changes, and a timer that fires is one
// more input. An input that arrives while a step's actions are being emitted
// (the effects feeding back the result of an action, synchronously) waits for
// that step to end: steps never interleave. A rule or a move that throws ends
// the stream with that error.
import { asyncScheduler, Observable, type OperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';
import type { SupervisorConfig } from './config.js';
import { isLogged, type Action, type InitEvent } from './events.js';
import { advance } from './lifecycle/advance.js';
import { initialLifecycle, type Lifecycle } from './lifecycle/state.js';
import type { Fact, Input, Rule, Step, TimerInput } from './lifecycle/step.js';
import { describeInput } from './rules/describe-input.js';
import { RULES } from './rules.js';

/** Every timer the state holds, by a key of its own, with when it fires and the input it makes. */
function timersOf(state: Lifecycle): Map<string, { due: number; input: TimerInput }> {
  const timers = new Map<string, { due: number; input: TimerInput }>();
  for (const [name, due] of Object.entries(state.timers)) {
    timers.set(name, { due: due!, input: { kind: 'timer', name } as TimerInput });
  }
  state.services.forEach((service, index) => {
    for (const [name, due] of Object.entries(service.timers)) {
      timers.set(`${name}:${index}`, { due: due!, input: { kind: 'timer', name, service: index } as TimerInput });
    }
  });
  return timers;
}

const actionsOf = (fact: Fact, step: Step, config: SupervisorConfig): readonly Action[] => (RULES[fact.kind] as Rule)(fact, step, config);

/** Completes after the exit action. */
export function supervise(config: SupervisorConfig, scheduler: SchedulerLike = asyncScheduler): OperatorFunction<InitEvent, Action> {
  return (events) =>
    new Observable<Action>((subscriber) => {
      let state = initialLifecycle(config);
      const running = new Map<string, { due: number; subscription: Subscription }>();
      const queue: Input[] = [];
      let stepping = false;

      const syncTimers = (): void => {
        const wanted = timersOf(state);
        for (const [key, timer] of running) {
          if (wanted.get(key)?.due === timer.due) continue;
          timer.subscription.unsubscribe();
          running.delete(key);
        }
        for (const [key, { due, input }] of wanted) {
          if (running.has(key)) continue;
          running.set(key, { due, subscription: scheduler.schedule(() => feed(input), due - scheduler.now()) });
        }
      };

      const emit = (actions: readonly Action[]): void => {
        for (const action of actions) {
          if (action.type !== 'log' || isLogged(action.level, config.logLevel)) subscriber.next(action);
        }
      };

      const step = (input: Input): void => {
        const before = state;
        const now = scheduler.now();
        const moved = advance(before, input, now, config);
        state = moved.state;
        syncTimers();
        const done: Step = { before, after: state, input, now, facts: moved.facts };
        emit(describeInput(done, config));
        for (const fact of moved.facts) emit(actionsOf(fact, done, config));
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
        for (const timer of running.values()) timer.subscription.unsubscribe();
        running.clear();
      };
    });
}
