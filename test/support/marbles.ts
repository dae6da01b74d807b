import type { ExecutionContext } from 'ava';
import { TestScheduler } from 'rxjs/testing';

/** A TestScheduler whose assertions go through ava. */
export function marbles(t: ExecutionContext): TestScheduler {
  return new TestScheduler((actual, expected) => t.deepEqual(actual, expected));
}

/**
 * A marble string from frames: at(0, 'p', 10, 'a', 20, 'bc|') emits p at frame
 * 0, a at 10, b and c (then completes) at 20. Easier to read and to get right
 * than counting the frames a group of values takes up in a marble string.
 */
export function at(...frames: Array<number | string>): string {
  let marble = '';
  let position = 0;
  for (let i = 0; i < frames.length; i += 2) {
    const frame = frames[i] as number;
    const values = frames[i + 1] as string;
    if (frame < position) throw new Error(`frame ${frame} overlaps the group before it (next free frame: ${position})`);
    if (frame > position) marble += ` ${frame - position}ms `;
    marble += values.length === 1 ? values : `(${values})`;
    position = frame + (values.length === 1 ? 1 : values.length + 2);
  }
  return marble;
}

/** The subscription marble of a source subscribed at frame 0 and, when `frame` is given, unsubscribed at that frame. */
export function subscribedUntil(frame?: number): string {
  if (frame === undefined) return '^';
  return frame === 0 ? '(^!)' : `^ ${frame - 1}ms !`;
}
