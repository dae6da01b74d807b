// Runs inputs through the lifecycle by hand, for testing the moves and one
// rule on the step it sees.
import type { SupervisorConfig } from '../../src/streams/config.js';
import type { Action } from '../../src/streams/events.js';
import { advance } from '../../src/streams/lifecycle/advance.js';
import { initialLifecycle, type Lifecycle } from '../../src/streams/lifecycle/state.js';
import type { FactKind, Input, Rule, Step } from '../../src/streams/lifecycle/step.js';

/** Every step of `inputs`, from the start of a run; input i happens at time `times[i]` (default 0). */
export function stepsOf(config: SupervisorConfig, inputs: readonly Input[], times: readonly number[] = [], from: Lifecycle = initialLifecycle(config)): Step[] {
  let state = from;
  return inputs.map((input, i) => {
    const before = state;
    const now = times[i] ?? 0;
    const moved = advance(before, input, now, config);
    state = moved.state;
    return { before, after: state, input, now, facts: moved.facts };
  });
}

/** The last step of `inputs`. */
export function lastStep(config: SupervisorConfig, inputs: readonly Input[], times: readonly number[] = []): Step {
  return stepsOf(config, inputs, times).at(-1)!;
}

/** What `rule` makes of the step's facts of `kind`. */
export function ruleActions<Kind extends FactKind>(rule: Rule<Kind>, kind: Kind, step: Step, config: SupervisorConfig): Action[] {
  return step.facts.filter((fact): fact is Extract<typeof fact, { kind: Kind }> => fact.kind === kind).flatMap((fact) => rule(fact, step, config));
}
