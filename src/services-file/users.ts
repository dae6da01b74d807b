// `user` as Compose and Docker write it (SPEC §17): `name`, `uid`, `uid:gid`,
// `name:group`, looked up in the container's /etc/passwd and /etc/group (no
// NSS, as gosu and su-exec do). A uid with no entry in /etc/passwd runs with
// group 0, as under `docker run --user`. Supplementary groups as su-exec sets
// them (getgrouplist): the primary group, and every group of /etc/group that
// lists the user's name; `group_add` adds more. And the user's home, which
// Docker gives a container's user as HOME (and gosu its program): "/" for a
// uid with no entry.
import { readFileSync } from 'node:fs';

export interface UserIds {
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
}

export type Resolved = { readonly ids: UserIds; readonly home: string } | { readonly error: string };

interface Entry {
  readonly name: string;
  readonly id: number;
  readonly gid: number;
  readonly members: readonly string[];
  /** passwd's home folder ("" for a group). */
  readonly home: string;
}

function entries(path: string, kind: 'passwd' | 'group'): Entry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    const fields = line.split(':');
    if (fields.length < 4 || line.startsWith('#')) return [];
    return kind === 'passwd'
      ? [{ name: fields[0]!, id: Number(fields[2]), gid: Number(fields[3]), members: [], home: fields[5] ?? '' }]
      : [{ name: fields[0]!, id: Number(fields[2]), gid: Number(fields[2]), members: fields[3]!.split(',').filter(Boolean), home: '' }];
  });
}

const isId = (text: string): boolean => /^\d+$/.test(text) && Number(text) < 2 ** 32;

export interface UserFiles {
  readonly passwd: string;
  readonly group: string;
}

const SYSTEM: UserFiles = { passwd: '/etc/passwd', group: '/etc/group' };

/** `groupAdd`: names or ids of more supplementary groups. */
export function resolveUser(spec: string, groupAdd: readonly string[] = [], files: UserFiles = SYSTEM): Resolved {
  const [userPart, groupPart, ...rest] = spec.split(':');
  if (userPart === undefined || userPart === '' || rest.length > 0 || groupPart === '') return { error: `${JSON.stringify(spec)} is no user (name, uid, uid:gid or name:group)` };
  const passwd = entries(files.passwd, 'passwd');
  const groups = entries(files.group, 'group');
  const account = isId(userPart) ? passwd.find((entry) => entry.id === Number(userPart)) : passwd.find((entry) => entry.name === userPart);
  if (!account && !isId(userPart)) return { error: `no user ${JSON.stringify(userPart)} in ${files.passwd}` };
  const uid = account?.id ?? Number(userPart);
  const groupId = (name: string): number | undefined => (isId(name) ? Number(name) : groups.find((entry) => entry.name === name)?.id);
  let gid = account?.gid ?? 0;
  if (groupPart !== undefined) {
    const found = groupId(groupPart);
    if (found === undefined) return { error: `no group ${JSON.stringify(groupPart)} in ${files.group}` };
    gid = found;
  }
  const supplementary = new Set([gid]);
  if (account) for (const group of groups) if (group.members.includes(account.name)) supplementary.add(group.id);
  for (const name of groupAdd) {
    const found = groupId(name);
    if (found === undefined) return { error: `group_add: no group ${JSON.stringify(name)} in ${files.group}` };
    supplementary.add(found);
  }
  return { ids: { uid, gid, groups: [...supplementary] }, home: account?.home || '/' };
}

/** The user a program runs as (a service's or a hook's), for an init running as `euid`: only root may change it. */
export function runAs(spec: string, groupAdd: readonly string[], euid: number, files: UserFiles = SYSTEM): Resolved {
  const resolved = resolveUser(spec, groupAdd, files);
  if ('error' in resolved || euid === 0) return resolved;
  return { error: `changing the user needs root, and the init runs as uid ${euid}` };
}
