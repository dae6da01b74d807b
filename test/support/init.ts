// Runs the built CLI the way a container runtime does: as PID 1 of a fresh PID
// namespace (unshare --pid --fork --mount-proc), with NODE_EXTRA_CA_CERTS unset
// as in a real container. The test then acts on it from the host: signals to
// its host pid imitate `docker stop`/`docker kill`, nsenter imitates `docker exec`.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOr, tmp } from './files.js';
import { childrenOf } from './procfs.js';
import { helper, HIDE_NODE, INIT, ROOT } from './paths.js';
import { waitFor } from './wait.js';

const PRIVATE_RUN = 'mount -t tmpfs -o mode=755 none /run';
// And a /var/cache of its own: what the single executable keeps there
// (src/launcher/kept-folder.ts) stays in the test that made it.
const PRIVATE_CACHE = 'mount -t tmpfs -o mode=755 none /var/cache';
const HIDE_NODE_SCRIPT = [
  'for node in $(which -a node) /usr/bin/node /usr/local/bin/node; do [ -e "$node" ] && mount --bind /dev/null "$node"; done',
  `mount -t tmpfs none ${ROOT}/node_modules`,
].join('; ');

export interface Outcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningInit {
  /** The init's pid as the host sees it. */
  readonly hostPid: number;
  readonly process: ChildProcess;
  readonly outcome: Promise<Outcome>;
  stdout(): string;
  stderr(): string;
  signal(signal: NodeJS.Signals | number): void;
  /** Ends the namespace for good (SIGKILL to its PID 1). */
  kill(): void;
}

export interface StartOptions {
  /** Run as PID 1 of a new namespace (default); false runs it directly, for -D tests. */
  readonly namespace?: boolean;
  /** A shell script run as PID 1 instead of the init; it is expected to exec the init itself ($INIT). */
  readonly viaShell?: string;
  /** A command that execs the init (setpriv ..., say), put between unshare and the init. */
  readonly wrap?: readonly string[];
  /** The wrap names the init binary itself: do not add dist/docker-container-init. */
  readonly noInit?: boolean;
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  readonly stdio?: StdioOptions;
  /** Kill the whole run if it has not ended by then. */
  readonly timeoutMs?: number;
  /** How the init's stdout and stderr are read (default utf8; latin1 keeps every byte). */
  readonly encoding?: BufferEncoding;
}

export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'NODE_EXTRA_CA_CERTS') env[key] = value;
  }
  return { ...env, INIT, ...extra };
}

export async function startInit(args: readonly string[], options: StartOptions = {}): Promise<RunningInit> {
  const namespace = options.namespace ?? true;
  // In the namespace's own mount namespace: a /run of its own, as a container
  // has (where the control socket goes), and a /var/cache; with HIDE_NODE /dev/null over the node
  // binary and an empty tmpfs over node_modules; then the init (or the test's
  // script) as PID 1.
  const own = [PRIVATE_RUN, PRIVATE_CACHE, ...(HIDE_NODE ? [HIDE_NODE_SCRIPT] : [])].join('; ');
  const hide = namespace ? ['sh', '-c', `${own}; exec "$0" "$@"`] : [];
  const program = [
    ...hide,
    ...(options.wrap ?? []),
    ...(options.viaShell !== undefined ? ['sh', '-c', options.viaShell, 'sh', ...args] : options.noInit ? args : [INIT, ...args]),
  ];
  // --kill-child: should unshare itself be killed, the namespace goes with it
  // rather than outliving the test.
  const argv = namespace ? ['unshare', '--pid', '--fork', '--kill-child', '--mount-proc', ...program] : program;
  const child = spawn(argv[0]!, argv.slice(1), {
    env: cleanEnv(options.env),
    cwd: options.cwd ?? '/tmp',
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child, options.encoding);
  let ended = false;
  void output.outcome.finally(() => (ended = true));
  // The init's host pid is unshare's child; an init that is already gone has none (-1).
  const hostPid = namespace
    ? await waitFor('the namespace to start', () => childrenOf(child.pid!)[0] ?? (ended ? -1 : undefined), 20_000)
    : child.pid!;
  // PID 1 is the shell that mounts the namespace's own /run first: a test that
  // acts on PID 1 (SIGSTOP, say) must find what that shell execs, not the shell.
  if (namespace && hostPid > 0) {
    await waitFor('PID 1 to be past its set-up', () => {
      try {
        return !readFileSync(`/proc/${hostPid}/cmdline`, 'latin1').includes(PRIVATE_RUN);
      } catch {
        return true; // gone already
      }
    }, 20_000);
  }
  const timer = setTimeout(() => {
    output.note(`\n[test] killed after ${options.timeoutMs ?? 30_000} ms\n`);
    kill();
  }, options.timeoutMs ?? 30_000);
  void output.outcome.finally(() => clearTimeout(timer));
  function kill(): void {
    try {
      process.kill(hostPid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return {
    hostPid,
    process: child,
    outcome: output.outcome,
    stdout: output.stdout,
    stderr: output.stderr,
    signal: (signal) => process.kill(hostPid, signal),
    kill,
  };
}

/** Starts the init and waits for it to end. */
export async function runInit(args: readonly string[], options: StartOptions = {}): Promise<Outcome> {
  return (await startInit(args, options)).outcome;
}

/** Runs a command inside the init's namespace, the way `docker exec` joins a container. */
export function nsenter(hostPid: number, command: readonly string[]): Promise<Outcome> {
  const child = spawn('nsenter', ['--target', String(hostPid), '--pid', '--mount', ...command], {
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child).outcome;
}

/**
 * Runs any command to its end as the init's own runs go (not in a namespace of
 * its own), without blocking the test worker: a spawnSync that never returns
 * stops every test of its file, and what it started outlives the test run.
 * Past its timeout it gets SIGKILL; a command that makes a PID namespace
 * should use unshare's --kill-child, so that the namespace goes with it.
 */
export function runCommand(argv: readonly string[], options: { timeoutMs?: number } = {}): Promise<Outcome> {
  return runInit(argv, { namespace: false, noInit: true, ...options });
}

/** Gathers a child's output as it comes, and its outcome at the end. */
function collect(child: ChildProcess, encoding: BufferEncoding = 'utf8') {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding(encoding).on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding(encoding).on('data', (chunk: string) => (stderr += chunk));
  const outcome = new Promise<Outcome>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    outcome,
    stdout: () => stdout,
    stderr: () => stderr,
    note: (text: string) => (stderr += text),
  };
}

/** The log lines of the init's stderr, without the test's own notes. */
export function logLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('['));
}

/**
 * The init as PID 1 over the sigrecord helper, which appends every signal it
 * receives to a log file (and exits 0 on SIGTERM); resolves once it is ready.
 */
export async function startRecorder(args: readonly string[], options: StartOptions = {}): Promise<{ init: RunningInit; log: string }> {
  const log = join(tmp('dci-rec-'), 'log');
  const init = await startInit([...args, helper('sigrecord'), log, '0'], options);
  await waitFor('the recorder to be ready', () => readOr(log).startsWith('ready'));
  return { init, log };
}
