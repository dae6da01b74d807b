// Where the single executable keeps what a run leaves for the next (a services
// file's value: services-file/kept-parse.ts), as the npm package keeps it beside
// its bundle. An executable in /usr/local/bin has no folder of its own to write
// beside it; this one is the system's place for an application's cache.
//
// What is kept there is as trusted as the executable: the next start runs the
// commands it names. So it is used only when no one but the init's own user
// or root can have written it: /var and /var/cache belong to root and only
// root writes them, and the folder is the init's user's or root's and only its
// owner writes it (made 0700 when missing; an image that runs the init as
// another user makes it readable, 0755). Anything else (a folder another user
// made, one any user may write, a symbolic link) and nothing is kept or read.
import { lstatSync, mkdirSync, type Stats } from 'node:fs';

export const KEPT_FOLDER = '/var/cache/docker-container-init';
const PARENTS = ['/var', '/var/cache'];

const writableByOthers = (stats: Stats): boolean => (stats.mode & 0o022) !== 0;

function statOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The folder, when it can be trusted (made first, when `make` and it is missing); undefined otherwise. */
export function keptFolder(make: boolean): string | undefined {
  for (const parent of PARENTS) {
    const stats = statOf(parent);
    if (stats === undefined || !stats.isDirectory() || stats.uid !== 0 || writableByOthers(stats)) return undefined;
  }
  let stats = statOf(KEPT_FOLDER);
  if (stats === undefined && make) {
    try {
      mkdirSync(KEPT_FOLDER, { mode: 0o700 });
    } catch {
      return undefined;
    }
    stats = statOf(KEPT_FOLDER);
  }
  const euid = process.geteuid?.() ?? 0;
  if (stats === undefined || !stats.isDirectory() || (stats.uid !== euid && stats.uid !== 0) || writableByOthers(stats)) return undefined;
  return KEPT_FOLDER;
}
