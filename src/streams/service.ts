// One program the init supervises, as the command line or a services file
// describes it: the main command (after the options), a --run command, or a
// service of the file. Made once (src/cli/), carried unchanged to the pipeline,
// which reads its policies, and to the effects, which start it from `launch`.
// Plain data, so that marble tests can write one down.

/** Docker's restart policies (`unless-stopped` is `always` inside one container). */
export type RestartPolicy =
  | { readonly kind: 'no' }
  /** Restart after a non-zero exit; give up after `maxRetries` restarts in a row that failed (no bound without it). */
  | { readonly kind: 'on-failure'; readonly maxRetries?: number }
  | { readonly kind: 'always' };

/** Compose's `depends_on` conditions. */
export type Condition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface Dependency {
  /** The service waited for: its index in the configuration's services. */
  readonly service: number;
  readonly condition: Condition;
  /** Compose's `restart: true`: restarting that service (the control command's restart) restarts this one after it. */
  readonly restart?: boolean;
}

/** Compose's `healthcheck`, resolved: the probe's argv and every duration in milliseconds. */
export interface Healthcheck {
  readonly argv: readonly string[];
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly startPeriodMs: number;
  readonly startIntervalMs: number;
}

/** What a program is to the init: the main command, a --run command, or a service of the file. */
export type Role = 'main' | 'run' | 'service';

/** How the effects start the program (SPEC §3.1, §13, §17). Bytes, as they came. */
export interface Launch {
  readonly argv: readonly Uint8Array[];
  /** "NAME=value" entries to set on top of the init's environment (environment, env_file). */
  readonly environment: readonly Uint8Array[];
  /** working_dir; undefined: the directory the init started in. */
  readonly directory: Uint8Array | undefined;
  /** user: ids to run as, supplementary groups included; undefined: the init's own. */
  readonly user: { readonly uid: number; readonly gid: number; readonly groups: readonly number[] } | undefined;
  /** On a terminal it gets the foreground (the main command, or the first --run command without one). */
  readonly foreground: boolean;
  /** Its stdout and stderr: the init's own descriptors, or pipes whose lines the init labels (SPEC §19). */
  readonly output: 'inherit' | 'labelled';
}

/** Compose's lifecycle hooks: post_start runs as the program starts, pre_stop before the init stops it. */
export type HookKind = 'postStart' | 'preStop';

/** One hook: a command run beside its program, as the program's user, in its folder and environment unless the hook says otherwise. */
export interface Hook {
  /** Its command line as text, for the log. */
  readonly argv: readonly string[];
  readonly launch: Pick<Launch, 'argv' | 'environment' | 'directory' | 'user'>;
}

export interface Hooks {
  readonly postStart: readonly Hook[];
  readonly preStop: readonly Hook[];
}

export interface Service {
  /** Its name in the services file (NAME-1 ... for the copies of one with scale); for a command, its command line. */
  readonly name: string;
  /** For a copy of a service with scale (services-file/replicas.ts): that service's name, which the control command takes for all its copies. */
  readonly replicaOf?: string;
  readonly role: Role;
  /** Its command line as text, for the log. */
  readonly argv: readonly string[];
  readonly restart: RestartPolicy;
  /** stop_signal: what stops it in the shutdown (SIGTERM unless the file says otherwise). */
  readonly stopSignal: number;
  /** stop_grace_period in milliseconds; undefined: no bound of its own (--grace bounds the whole). */
  readonly stopGraceMs: number | undefined;
  readonly dependsOn: readonly Dependency[];
  readonly healthcheck: Healthcheck | undefined;
  readonly launch: Launch;
  /** post_start and pre_stop (SPEC §17, from Compose); none when absent. */
  readonly hooks?: Hooks;
}

/** The hooks of `kind` of program `service` (none when it has none). */
export function hooksOf(service: Service, kind: HookKind): readonly Hook[] {
  return service.hooks?.[kind] ?? [];
}

/** The commands (main and --run) get the stop signals the init receives; the file's services are stopped by the shutdown, in order. */
export function takesStopSignals(service: Service): boolean {
  return service.role !== 'service';
}
