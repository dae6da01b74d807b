// Driving a real container engine from the tests (Docker, Podman rootful or
// rootless): an engine is a command line that takes the engine's own words
// (run, exec, stop, logs, ...); containers are removed however a test ends.
import { spawn, spawnSync } from 'node:child_process';

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Engine {
  /** For test titles: docker, podman, podman rootless. */
  readonly name: string;
  /** Runs the engine with `args`, waiting for it. */
  run(args: readonly string[], timeoutMs?: number): Result;
  /** The same, without blocking the test's event loop. */
  runAsync(args: readonly string[]): Promise<Result>;
}

/** An engine run as `argv` followed by its words, with `env` and `cwd` (a rootless engine: as its user). */
export function commandEngine(name: string, argv: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Engine {
  const [program, ...before] = argv;
  return {
    name,
    run(args, timeoutMs = 60_000) {
      const run = spawnSync(program!, [...before, ...args], { timeout: timeoutMs, encoding: 'utf8', ...options });
      return { code: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
    },
    runAsync(args) {
      return new Promise((resolve) => {
        const child = spawn(program!, [...before, ...args], options);
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    },
  };
}

/** A container started with `run -d`, removed again by `cleanup`. */
export interface Container {
  readonly id: string;
  logs(): Result;
  exec(...command: string[]): Result;
  /** Waits for it to end; its exit code. */
  wait(): number;
  cleanup(): void;
}

export function runDetachedIn(engine: Engine, args: readonly string[]): Container {
  const started = engine.run(['run', '-d', ...args]);
  if (started.code !== 0) throw new Error(`${engine.name} run failed: ${started.stderr}`);
  const id = started.stdout.trim();
  return {
    id,
    logs: () => engine.run(['logs', id]),
    exec: (...command) => engine.run(['exec', id, ...command]),
    // Podman's wait prints the status; Docker's too.
    wait: () => Number(engine.run(['wait', id], 120_000).stdout.trim()),
    cleanup: () => void engine.run(['rm', '-f', id]),
  };
}

/** Waits until the container's log (stdout and stderr) shows `text`. */
export async function waitForLog(container: Container, text: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const logs = container.logs();
    if (logs.stdout.includes(text) || logs.stderr.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}" in the log of ${container.id}: ${logs.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Lines in the init's log format. */
export function initLines(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('[') && line.includes('][docker-container-init] '));
}

/** How many zombies (state Z) the container's own /proc shows. */
export function zombies(container: Container): number {
  const states = container.exec('sh', '-c', 'cat /proc/[0-9]*/stat 2>/dev/null').stdout;
  return states.split('\n').filter((line) => / Z \d+ /.test(line.slice(line.lastIndexOf(')')))).length;
}
