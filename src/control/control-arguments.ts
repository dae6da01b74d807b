// `docker-container-init ps [--json]`, `restart NAME`, `stop NAME`,
// `start NAME`, `health`, each with `--control PATH` for a socket elsewhere
// (SPEC §19): the words of the control command, when it is not the init
// itself that runs (as PID 1 these are a command to run, as ever; put `--`
// before one to run a program of that name under another init).
import { CONTROL_COMMANDS, type ControlCommand, type ControlRequest } from '../streams/control.js';
import { DEFAULT_CONTROL_SOCKET } from './socket-path.js';

export type ControlArguments =
  | { readonly ok: true; readonly request: ControlRequest; readonly json: boolean; readonly socket: string }
  | { readonly ok: false; readonly error: string };

export function isControlCommand(argv: readonly string[]): boolean {
  return (CONTROL_COMMANDS as readonly string[]).includes(argv[0] ?? '');
}

export function controlArguments(argv: readonly string[]): ControlArguments {
  const command = argv[0] as ControlCommand;
  let json = false;
  let socket = DEFAULT_CONTROL_SOCKET;
  const words: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--json' && command === 'ps') json = true;
    else if (word === '--control' && i + 1 < argv.length && argv[i + 1] !== '') socket = argv[++i]!;
    else if (word.startsWith('--control=') && word.length > 10) socket = word.slice(10);
    else if (word.startsWith('-')) return { ok: false, error: `${command}: unknown option ${JSON.stringify(word)}` };
    else words.push(word);
  }
  const named = command === 'restart' || command === 'stop' || command === 'start';
  if (named && words.length !== 1) return { ok: false, error: `${command} takes the name of one service` };
  if (!named && words.length > 0) return { ok: false, error: `${command} takes no service name` };
  const request: ControlRequest = named ? { command, service: words[0]! } : { command: command as 'ps' | 'health' };
  return { ok: true, request, json, socket };
}
