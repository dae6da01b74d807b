// What `docker-container-init ps|restart|stop|start|health` asks the running
// init, and what it answers (SPEC §19): plain data, carried as one JSON line
// each way over the control socket, and through the pipeline as an event and
// an action, so that the answer is made from the one state there is.

export const CONTROL_COMMANDS = ['ps', 'restart', 'stop', 'start', 'health'] as const;
export type ControlCommand = (typeof CONTROL_COMMANDS)[number];

export type ControlRequest =
  | { readonly command: 'ps' | 'health' }
  | { readonly command: 'restart' | 'stop' | 'start'; readonly service: string };

/** What `ps` shows of a program. */
export type ShownState = 'starting' | 'running' | 'healthy' | 'unhealthy' | 'stopping' | 'backing off' | 'stopped' | 'completed' | 'given up';

export interface ServiceReport {
  readonly name: string;
  /** 'service' for one of the file's, 'command' for the main command or a --run command. */
  readonly kind: 'service' | 'command';
  readonly state: ShownState;
  readonly pid: number | null;
  readonly restarts: number;
  /** How long it has run, while it runs. */
  readonly uptimeMs: number | null;
  /** Its last run's exit status. */
  readonly lastExit: number | null;
}

export type ControlReply =
  | { readonly ok: true; readonly services: readonly ServiceReport[]; readonly healthy: boolean; readonly message?: string }
  | { readonly ok: false; readonly error: string };
