// The control command's side of the socket (SPEC §19): one JSON request, one
// JSON answer, or one line that says why the running init could not be asked.
import type { ControlReply, ControlRequest } from '../streams/control.js';

/** How long the init has to answer. */
const ANSWER_MS = 5_000;

export type Asked = { readonly reply: ControlReply } | { readonly error: string };

export function askInit(socket: string, request: ControlRequest): Promise<Asked> {
  const net = process.getBuiltinModule('node:net');
  return new Promise((resolve) => {
    let text = '';
    const connection = net.connect(socket);
    connection.setTimeout(ANSWER_MS, () => {
      connection.destroy();
      resolve({ error: `the init at ${socket} did not answer within ${ANSWER_MS / 1000} s` });
    });
    connection.on('connect', () => connection.write(`${JSON.stringify(request)}\n`));
    connection.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    connection.on('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
          ? 'no init listens there (does it run with --services, or with --control elsewhere?)'
          : error.code === 'EACCES'
            ? 'permission denied: only root or the init\'s own user may ask it'
            : (error.code ?? error.message);
      resolve({ error: `cannot ask the init at ${socket}: ${why}` });
    });
    connection.on('end', () => {
      try {
        resolve({ reply: JSON.parse(text.trim()) as ControlReply });
      } catch {
        resolve({ error: `the init at ${socket} answered what is no answer` });
      }
    });
  });
}
