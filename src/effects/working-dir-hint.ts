// Why a program with a working_dir could not start, when the folder is the
// cause: posix_spawn's chdir fails with the same errno (ENOENT, ENOTDIR) as
// a missing program would, and "cannot run "true": No such file or
// directory" would blame the program. Asked only after a start failed.
import { statSync } from 'node:fs';
import { ENOENT, ENOTDIR } from '../posix/errno.js';

/** " (its working_dir /srv does not exist)", or "" when the folder is not what failed. */
export function workingDirHint(directory: Uint8Array | undefined, errno: number): string {
  if (directory === undefined || (errno !== ENOENT && errno !== ENOTDIR)) return '';
  const path = Buffer.from(directory);
  const shown = path.toString();
  try {
    return statSync(path).isDirectory() ? '' : ` (its working_dir ${shown} is not a folder)`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? ` (its working_dir ${shown} does not exist)` : code === 'ENOTDIR' ? ` (its working_dir ${shown} is not a folder)` : '';
  }
}
