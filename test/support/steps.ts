// Runs inputs through the lifecycle by hand, for testing one rule on the step it sees.
import type { SupervisorConfig } from '../../src/streams/config.js';
import { advance, initialLifecycle, type Input, type Lifecycle, type Step } from '../../src/streams/lifecycle.js';

/** Every step of `inputs`, from the start of a run; input i happens at time `times[i]` (default 0). */
export function stepsOf(config: SupervisorConfig, inputs: readonly Input[], times: readonly number[] = []): Step[] {
  let state: Lifecycle = initialLifecycle(config);
  return inputs.map((input, i) => {
    const before = state;
    const now = times[i] ?? 0;
    state = advance(before, input, now, config);
    return { before, after: state, input, now };
  });
}

/** The last step of `inputs`. */
export function lastStep(config: SupervisorConfig, inputs: readonly Input[], times: readonly number[] = []): Step {
  return stepsOf(config, inputs, times).at(-1)!;
}
