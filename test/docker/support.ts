// Driving a real Docker engine from the tests: /usr/bin/docker (Debian's
// client), containers that are removed however a test ends.
import { spawn, spawnSync } from 'node:child_process';

export const DOCKER = '/usr/bin/docker';
/** The npm package on the node:20-slim and node:24-slim look-alikes (scripts/docker/test.sh). */
export const NODE_IMAGES = ['dci-test:node20', 'dci-test:node24'] as const;
/** The single executable on debian:bookworm-slim. */
export const SEA_IMAGE = 'dci-test:sea';

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function docker(args: readonly string[], timeoutMs = 60_000): Result {
  const run = spawnSync(DOCKER, args, { timeout: timeoutMs, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

/** Like docker(), without blocking the test's event loop. */
export function dockerAsync(args: readonly string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(DOCKER, args);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A container started with `docker run -d`, removed again by `cleanup`. */
export interface Container {
  readonly id: string;
  logs(): Result;
  exec(...command: string[]): Result;
  /** Waits for it to end; its exit code. */
  wait(): number;
  cleanup(): void;
}

export function runDetached(args: readonly string[]): Container {
  const started = docker(['run', '-d', ...args]);
  if (started.code !== 0) throw new Error(`docker run failed: ${started.stderr}`);
  const id = started.stdout.trim();
  return {
    id,
    logs: () => docker(['logs', id]),
    exec: (...command) => docker(['exec', id, ...command]),
    wait: () => Number(docker(['wait', id], 120_000).stdout.trim()),
    cleanup: () => void docker(['rm', '-f', id]),
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
