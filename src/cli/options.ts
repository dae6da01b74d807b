// The init's options (SPEC §2), in one table from which the getopt split, the
// typed flags and the help text are all derived.

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
  /** When to use it, for -h and the README. */
  readonly example?: string;
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    key: 'dontWait', short: 'W',
    help: "Don't wait for other children: exit as soon as the command has exited (with no command: as soon as shutdown starts). Implies -B.",
    example: 'a batch job whose helper processes may simply die with the container.',
  },
  {
    key: 'dontBroadcast', short: 'B',
    help: "Don't broadcast SIGTERM to every process before waiting for all children.",
    example: 'the command stops its own workers and must do so in its own order.',
  },
  {
    key: 'ignoreSigint', short: 'I',
    help: "Without a command, don't start shutdown on SIGINT; only SIGTERM does.",
    example: 'an interactive container where Ctrl-C is meant for the services, not for the init.',
  },
  {
    key: 'processGroup', short: 'g',
    help: 'Run the command in its own process group and send SIGTERM to the whole group (other signals still go to its pid).',
    example: 'a shell-script command whose child processes ignore the script and need SIGTERM themselves.',
  },
  {
    key: 'realtime', short: 'r',
    help: 'Also forward realtime signals (SIGRTMIN..SIGRTMAX).',
    example: 'an application that uses SIGRTMIN+n for its own control messages.',
  },
  {
    key: 'skipPidCheck', short: 'D',
    help: "Don't check that this is PID 1; become the child subreaper instead, and broadcast only to descendants.",
    example: 'under another init or supervisor (systemd, supervisord, a CI runner).',
  },
  {
    key: 'verbose', short: 'v', repeatable: true,
    help: 'Info messages on stderr; -vv adds debug messages. Without it: errors only.',
    example: '-v in production to see start, shutdown and exit status; -vv to follow every signal and reaped pid.',
  },
  {
    key: 'parentDeathSignal', short: 'p', value: 'SIGNAL',
    help: 'Ask the kernel to send SIGNAL to the init when its parent dies; it is then handled as if it had been sent.',
    example: '-D -p TERM under a supervisor, so the tree stops gracefully if the supervisor is killed.',
  },
  {
    key: 'exitCodes', short: 'e', value: 'CODE', repeatable: true,
    help: 'Exit 0 when the exit status would be CODE (repeatable, 0..255).',
    example: '-e 143 for a JVM application, which exits 143 on SIGTERM: a stop, not a failure.',
  },
  {
    key: 'rewrite', long: 'rewrite', value: 'FROM:TO', repeatable: true,
    help: 'Forward signal FROM as TO (names with or without SIG, or numbers; repeatable); TO 0 drops it.',
    example: '--rewrite TERM:QUIT for nginx or php-fpm, whose graceful stop is SIGQUIT.',
  },
  {
    key: 'delayTerm', long: 'delay-term', value: 'SECONDS',
    help: 'Hold SIGTERM for SECONDS (decimals allowed) before forwarding it or shutting down; a second SIGTERM acts at once.',
    example: '--delay-term 5 in Kubernetes, so endpoints stop routing traffic to the pod before the server stops.',
  },
  {
    key: 'grace', long: 'grace', value: 'SECONDS',
    help: 'Bound the stop: SECONDS (decimals allowed, 0 to a day) after the init first passes SIGTERM on or starts the shutdown, every process left gets SIGKILL; the exit status stays the command\'s (137 if it had to be killed).',
    example: '--grace 10 for a Kubernetes Job or a CI step, which have no docker stop to end a leftover; under docker stop, below its -t (or terminationGracePeriodSeconds) minus --delay-term.',
  },
  {
    key: 'run', long: 'run', value: 'CMD', repeatable: true,
    help: 'Start CMD beside the command (repeatable), as a Dockerfile writes it: ["exec","form"] or a shell form for /bin/sh -c. The first to exit stops the container: the others get SIGTERM, and the exit status is that first one\'s. No restarts.',
    example: 'two or three programs in one container that live and die together (nginx and php-fpm, an app and its log shipper), instead of an entrypoint script with & and wait.',
  },
  {
    key: 'services', long: 'services', value: 'FILE',
    help: 'Supervise the services of FILE, written as a Docker Compose file: command, environment, env_file, working_dir, user, restart (with Docker\'s backoff), depends_on, healthcheck, stop_signal, stop_grace_period. They start in dependency order, before the command; the first to end for good stops the container; the shutdown stops them in reverse order.',
    example: 'several programs in one container that should be restarted when they crash, start in order, or wait for each other to be ready (nginx and php-fpm, an app, its worker and a migration).',
  },
  {
    key: 'control', long: 'control', value: 'PATH',
    help: 'Where the control socket goes, which `docker-container-init ps`, `restart NAME`, `stop NAME`, `start NAME` and `health` ask (default with --services: /run/docker-container-init/control.sock).',
    example: 'a read-only /run: --control /tmp/dci/control.sock, and the same --control for ps.',
  },
  {
    key: 'warnReaped', short: 'w',
    help: 'Warn for every reaped process that was not the command: its pid and status.',
    example: 'to find out which part of an image leaves zombies behind.',
  },
  {
    key: 'logFormat', long: 'log-format', value: 'FORMAT',
    help: 'text (default) or json: one JSON object per line (level, message, time, pid, and signal, target, exitCode where they apply).',
    example: '--log-format json when a log shipper parses the container output.',
  },
  {
    key: 'check', long: 'check',
    help: "Check the options and the services file as a start would, say what they hold in one line, and exit (0, or 2 with the error a start would give) without starting anything. What a start keeps for the next (the file's parsed value, beside the npm package's bundle or, for the single executable, in /var/cache/docker-container-init) is kept, and the next start parses nothing.",
    example: 'in a Dockerfile, RUN docker-container-init --check --services /etc/services.yaml: a bad file fails the build, not the container, and each container starts without parsing the file.',
  },
  { key: 'help', short: 'h', long: 'help', help: 'Print this help and exit (also --help).' },
  { key: 'version', long: 'version', help: 'Print the version and exit.' },
];

export function takesValue(spec: OptionSpec): boolean {
  return spec.value !== undefined;
}

export function spelling(spec: OptionSpec): string {
  return spec.short !== undefined ? `-${spec.short}` : `--${spec.long}`;
}
