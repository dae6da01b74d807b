// The init's working directory, as bytes (a name that is not UTF-8 stays as it is).
import { libc } from './libc.js';

const PATH_MAX = 4096;

/** Undefined when it cannot be told (the directory was removed). */
export function workingDirectory(): Buffer | undefined {
  const buffer = Buffer.alloc(PATH_MAX);
  if (libc.getcwd(buffer, PATH_MAX) === null) return undefined;
  return buffer.subarray(0, buffer.indexOf(0));
}
