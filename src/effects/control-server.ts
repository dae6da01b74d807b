// The control socket (SPEC §19): `docker-container-init ps` and its siblings,
// run in the container (docker exec), ask the running init here. A Unix
// socket in a folder only the init's user may enter (mode 0700): only root
// and that user reach it, and the kernel's word on who connected
// (SO_PEERCRED) is checked all the same. One JSON line in, one out. Where the
// socket cannot be made (a read-only /run, the path taken by another init),
// the init runs on without it and says so in one line.
import { chmodSync, mkdirSync, unlinkSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { dirname } from 'node:path';
import { Observable, Subject } from 'rxjs';
import { CONTROL_COMMANDS, type ControlReply, type ControlRequest } from '../streams/control.js';
import type { InitEvent } from '../streams/events.js';
import { peerUid } from '../syscalls/peer-credentials.js';

/** The longest request read; a request is a few dozen bytes. */
const MAX_REQUEST_BYTES = 4096;
/** How long a client has to send its request. */
const REQUEST_MS = 5_000;

export interface ControlServer {
  /** The requests, as events for the pipeline (and one note if the socket could not be made). */
  readonly events: Observable<InitEvent>;
  reply(id: number, reply: ControlReply): void;
}

function parseRequest(line: string): ControlRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { command, service } = value as { command?: unknown; service?: unknown };
  if (command === 'ps' || command === 'health') return { command };
  if ((command === 'restart' || command === 'stop' || command === 'start') && typeof service === 'string') return { command, service };
  return undefined;
}

export function controlServer(path: string): ControlServer {
  const events = new Subject<InitEvent>();
  const waiting = new Map<number, Socket>();
  const ownUid = process.geteuid?.() ?? 0;
  let next = 1;

  const answer = (socket: Socket, reply: ControlReply): void => {
    socket.end(`${JSON.stringify(reply)}\n`);
  };

  const serve = (socket: Socket): void => {
    const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
    const uid = fd === undefined ? undefined : peerUid(fd);
    if (uid === undefined || (uid !== 0 && uid !== ownUid)) return answer(socket, { ok: false, error: `only root or uid ${ownUid} may ask the init` });
    let text = '';
    socket.setTimeout(REQUEST_MS, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const newline = text.indexOf('\n');
      if (newline === -1 && text.length <= MAX_REQUEST_BYTES) return;
      socket.removeAllListeners('data');
      const request = newline === -1 ? undefined : parseRequest(text.slice(0, newline));
      if (!request) return answer(socket, { ok: false, error: `a request is one JSON line: {"command": ${CONTROL_COMMANDS.map((c) => `"${c}"`).join('|')}, "service": NAME}` });
      const id = next++;
      waiting.set(id, socket);
      socket.on('close', () => waiting.delete(id));
      events.next({ kind: 'control', id, request });
    });
  };

  const noSocket = (why: string): void => {
    events.next({ kind: 'note', level: 'info', message: `no control socket at ${path} (${why}): docker-container-init ps and its siblings cannot ask this init` });
  };

  const listen = (): void => {
    // Loaded here, once the socket is opened (see events below); Node keeps it after the first time.
    const net = process.getBuiltinModule('node:net');
    const server: Server = net.createServer(serve);
    server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return noSocket(error.code ?? error.message);
      // Taken: by another init that answers, or a socket left behind by one that has gone.
      const probe = net.connect(path);
      probe.on('connect', () => {
        probe.destroy();
        noSocket('another init answers there');
      });
      probe.on('error', () => {
        try {
          unlinkSync(path);
        } catch {
          // gone meanwhile
        }
        listen();
      });
    });
    server.listen(path, () => {
      try {
        chmodSync(path, 0o600);
      } catch {
        // the folder's mode keeps others out all the same
      }
      server.unref();
      process.once('exit', () => {
        try {
          unlinkSync(path);
        } catch {
          // gone already
        }
      });
    });
  };

  const open = (): void => {
    try {
      // Its folder, the init's alone (mode 0700); what holds it may exist already.
      mkdirSync(dirname(dirname(path)), { recursive: true });
      try {
        mkdirSync(dirname(path), { mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      listen();
    } catch (error) {
      noSocket((error as NodeJS.ErrnoException).code ?? String(error));
    }
  };

  return {
    events: new Observable<InitEvent>((subscriber) => {
      const subscription = events.subscribe(subscriber);
      // Opened on the event loop's turn after the first programs start
      // (subscribed after the pipeline's start-up turn, effects/main-loop.ts):
      // node:net takes 2 to 4 ms to load, which no program should wait for.
      const turn = setImmediate(open);
      subscription.add(() => clearImmediate(turn));
      return subscription;
    }),
    reply(id, reply) {
      const socket = waiting.get(id);
      waiting.delete(id);
      if (socket && !socket.destroyed) answer(socket, reply);
    },
  };
}
