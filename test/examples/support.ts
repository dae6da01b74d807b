// Reading the examples' start commands, and running them as PID 1 with
// `docker-container-init` on PATH (as the images install it).
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from '../support/files.js';
import { INIT, ROOT } from '../support/paths.js';

export const EXAMPLES = join(ROOT, 'examples');

/** ENTRYPOINT and CMD of a Dockerfile (exec form), joined. */
export function dockerCommand(dockerfile: string): string[] {
  const text = readFileSync(join(EXAMPLES, dockerfile), 'utf8');
  const form = (instruction: string): string[] => {
    const match = new RegExp(`^${instruction} (\\[.*\\])$`, 'm').exec(text);
    return match ? (JSON.parse(match[1]!) as string[]) : [];
  };
  return [...form('ENTRYPOINT'), ...form('CMD')];
}

/** command and args of the pod's first container. */
export function podCommand(pod: string): string[] {
  const text = readFileSync(join(EXAMPLES, pod), 'utf8');
  const list = (key: string): string[] => JSON.parse(new RegExp(`^\\s+${key}: (\\[.*\\])$`, 'm').exec(text)![1]!) as string[];
  return [...list('command'), ...list('args')];
}

/** PATH with docker-container-init (the binary under test) in front. */
export function pathWithInit(): string {
  const bin = tmp();
  symlinkSync(INIT, join(bin, 'docker-container-init'));
  return `${bin}:${process.env['PATH'] ?? '/usr/bin:/bin'}`;
}
