// (j) exec to command started (issue 26): what a user waits for is their
// program. The bench notes the moment it starts the init (as PID 1 of a fresh
// namespace), and the command, a small C program, notes the moment its main()
// runs, on the same clock (CLOCK_MONOTONIC); the difference is the init's
// whole start-up before the command. Beside: tini, and node itself running the
// first statement of a script (the floor: no Node.js init can start sooner),
// and a C program that does only what SPEC §17 asks of any init, the ten
// services first and then the command (services-first.c): what those
// services' own starts cost the command, whatever the init is written in.
// Each subject `runs` times, interleaved run by run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asPid1, median, read } from './common.mjs';

// Where the single executable keeps a services file's value (src/launcher/kept-folder.ts).
const KEPT_FOLDER = '/var/cache/docker-container-init';

/** Removes what a start kept in `folder` for later starts, of the files `named`: the next start is a fresh container's. */
function forget(folder, named) {
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder)) if (named.test(file)) rmSync(join(folder, file), { force: true });
}

export const C_ALONE = 'C, the command alone (services-first.c)';
export const C_SPAWN = 'C, 10 services first, posix_spawn (services-first.c)';
export const C_FORK = 'C, 10 services first, fork (services-first.c)';
export const PLAIN = 'docker-container-init';
export const SERVICES = 'docker-container-init --services (10 services first)';
export const SERVICES_FRESH = 'docker-container-init --services, nothing kept (a fresh container, no --check in the build)';
export const SEA_PLAIN = 'docker-container-init, single executable';
export const SEA_SERVICES = 'docker-container-init, single executable, --services (10 services first)';
export const SEA_FRESH = 'docker-container-init, single executable, --services, nothing kept';

export function commandStart({ line, dci, sea, bin, work, runs }) {
  const out = join(work, `stamp-${line.name}`);
  const floor = join(work, 'floor.js');
  writeFileSync(floor, "require('node:fs').writeFileSync(process.argv[2], String(process.hrtime.bigint()));\n");
  const services = join(work, 'ten-services.yaml');
  writeFileSync(services, `services:\n${Array.from({ length: 10 }, (_, i) => `  s${i}:\n    command: ["${bin('service')}", "${join(work, `ten-${i}.log`)}"]\n`).join('')}`);
  const stamp = [bin('stamp'), out];
  const firsts = (how, count) => [bin('services-first'), how, String(count), join(work, `first-${how}`), '--', ...stamp];
  const subjects = [
    ['node, first statement of a script (the floor)', [line.node, floor, out]],
    ['tini', ['tini', '--', ...stamp]],
    [C_ALONE, firsts('spawn', 0)],
    [C_SPAWN, firsts('spawn', 10)],
    [C_FORK, firsts('fork', 10)],
    [PLAIN, [dci, ...stamp]],
    ['docker-container-init -v', [dci, '-v', ...stamp]],
    ['docker-container-init -v -g --grace 10 --delay-term 1', [dci, '-v', '-g', '--grace', '10', '--delay-term', '1', ...stamp]],
    ['docker-container-init --log-format json -v', [dci, '--log-format', 'json', '-v', ...stamp]],
    [SERVICES, [dci, '--services', services, ...stamp]],
    [SERVICES_FRESH, [dci, '--services', services, ...stamp], () => forget(join(dirname(dci), '.code-cache'), /-(services-file|services-from-file|yaml)-/)],
  ];
  if (sea !== undefined) {
    subjects.push([SEA_PLAIN, [sea, ...stamp]]);
    subjects.push([SEA_SERVICES, [sea, '--services', services, ...stamp]]);
    subjects.push([SEA_FRESH, [sea, '--services', services, ...stamp], () => forget(KEPT_FOLDER, /-services-file$/)]);
  }
  const times = subjects.map(() => []);
  const once = (argv, before) => {
    before?.();
    writeFileSync(out, '');
    const started = process.hrtime.bigint();
    spawnSync(asPid1(argv)[0], asPid1(argv).slice(1), { env: line.env, stdio: 'ignore' });
    const stamped = read(out).trim();
    return stamped === '' ? Number.NaN : Number(BigInt(stamped) - started) / 1e6;
  };
  for (let i = 0; i < 3; i++) for (const [, argv, before] of subjects) once(argv, before);
  for (let i = 0; i < runs; i++) subjects.forEach(([, argv, before], s) => times[s].push(once(argv, before)));
  return new Map(subjects.map(([name], s) => [name, median(times[s].filter((ms) => !Number.isNaN(ms)))]));
}
