// Keeps the event loop alive while the init waits for signals. Node does not
// count signal listeners as work, so without this an idle init with no command
// would simply exit. A MessagePort that listens is one idle libuv handle: no
// timer, no polling, no CPU until a signal wakes the loop.
import { MessageChannel } from 'node:worker_threads';

export function holdEventLoop(): () => void {
  const { port1 } = new MessageChannel();
  port1.on('message', () => undefined);
  return () => port1.close();
}
