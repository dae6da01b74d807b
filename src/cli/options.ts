// The init's options (SPEC §2), in one table from which the getopt split, the
// meow flag definitions and the help text are all derived.

export interface OptionSpec {
  /** camelCase key of the parsed flag. */
  readonly key: string;
  readonly short?: string;
  readonly long?: string;
  /** Placeholder for the value, for options that take one (shown in help). */
  readonly value?: string;
  /** May be given more than once (-vv, -e 1 -e 2). */
  readonly repeatable?: boolean;
  readonly help: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  { key: 'dontWait', short: 'W', help: "Don't wait for other children: exit as soon as the command has exited (with no command: as soon as shutdown starts). Implies -B." },
  { key: 'dontBroadcast', short: 'B', help: "Don't broadcast SIGTERM to every process before waiting for all children." },
  { key: 'ignoreSigint', short: 'I', help: "Without a command, don't start shutdown on SIGINT; only SIGTERM does." },
  { key: 'processGroup', short: 'g', help: 'Run the command in its own process group and send SIGTERM to the whole group (other signals still go to its pid).' },
  { key: 'realtime', short: 'r', help: 'Also forward realtime signals (SIGRTMIN..SIGRTMAX).' },
  { key: 'skipPidCheck', short: 'D', help: "Don't check that this is PID 1; become the child subreaper instead, and broadcast only to descendants." },
  { key: 'verbose', short: 'v', repeatable: true, help: 'Info messages on stderr; -vv adds debug messages. Without it: errors only.' },
  { key: 'help', short: 'h', help: 'Print this help and exit.' },
  { key: 'version', long: 'version', help: 'Print the version and exit.' },
];

export function takesValue(spec: OptionSpec): boolean {
  return spec.value !== undefined;
}

export function spelling(spec: OptionSpec): string {
  return spec.short !== undefined ? `-${spec.short}` : `--${spec.long}`;
}
