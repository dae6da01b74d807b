// A services file (SPEC §17, §18) → one record per program (streams/service.ts),
// in start order, or the first problem, in one line that names the file, the
// service and the key. Nothing is started before the whole file is read. Its
// values are interpolated first, as Compose interpolates them
// (interpolate-document.ts), from the container's environment; each service
// is read (read-service.ts), then ordered, and those that start made into
// programs: none for one a profile leaves out or with scale 0, N for scale N.
import type { Service } from '../streams/service.js';
import { CONTAINER_TOP_LEVEL, IGNORED_TOP_LEVEL, isExtension } from './compose-keys.js';
import { dependencyOrder } from './dependency-order.js';
import { interpolateDocument, type DocumentPath } from './interpolate-document.js';
import { unsetMessage } from './interpolate.js';
import { isMap } from './yaml-values.js';
import { parseKept } from './kept-parse.js';
import { dotEnvOf, projectEnvironment } from './project-environment.js';
import { activeProfiles, isEnabled } from './profiles.js';
import { readBounded } from './read-bounded.js';
import { readService, type Draft, type FileContext } from './read-service.js';
import { located, problem, ServicesFileError, type Place } from './services-file-error.js';

export type { FileContext };

/** A path in the file as the service and the key an error names (`environment.DB_URL`, `healthcheck.test`). */
function placeOf(path: DocumentPath): Place {
  const keys = path.filter((part): part is string => typeof part === 'string');
  if (path[0] === 'services' && typeof path[1] === 'string') {
    const key = keys.slice(2).join('.');
    return key === '' ? { service: path[1] } : { service: path[1], key };
  }
  return keys.length === 0 ? {} : { key: keys.join('.') };
}

/** The file's services as records, in start order; throws a ServicesFileError. */
export function servicesFromFile(file: string, given: FileContext): Service[] {
  const read = readBounded(file);
  if ('error' in read) throw problem(file, {}, read.error);
  const parsed = parseKept(read.text);
  if ('error' in parsed) throw problem(file, {}, parsed.error);
  const project = projectEnvironment(file, given.variable);
  if ('error' in project) throw problem(project.file, {}, project.error);
  for (const warning of project.warnings) given.log('warn', located(dotEnvOf(file), {}, warning));
  // From here on, the variables are the project's: the container's, over the .env file's.
  const context: FileContext = { ...given, variable: project.variable };
  const interpolated = interpolateDocument(parsed.value, context.variable);
  if ('error' in interpolated) throw problem(file, placeOf(interpolated.path), interpolated.error);
  for (const { path, name } of interpolated.unset) context.log('warn', located(file, placeOf(path), unsetMessage(name)));
  const top = interpolated.value;
  if (!isMap(top)) throw problem(file, {}, 'is not a map with a services key');
  for (const key of Object.keys(top)) {
    if (key === 'services' || isExtension(key) || IGNORED_TOP_LEVEL.has(key)) continue;
    if (CONTAINER_TOP_LEVEL.has(key)) throw problem(file, { key }, 'configures the container itself, which the init runs inside of: it cannot apply');
    throw problem(file, { key }, 'is no top-level key of a Compose file');
  }
  const services = top['services'];
  if (!isMap(services) || Object.keys(services).length === 0) throw problem(file, { key: 'services' }, 'is missing or empty: a map of service names to services');
  const names = new Set(Object.keys(services).filter((name) => !isExtension(name)));
  const drafts = new Map<string, Draft>();
  for (const name of names) drafts.set(name, readService(file, name, services[name], context, names));
  for (const draft of drafts.values()) {
    for (const { name, condition } of draft.dependsOn) {
      const dependency = drafts.get(name);
      if (condition === 'service_healthy' && dependency !== undefined && dependency.healthcheck === undefined) {
        throw problem(file, { service: draft.name, key: 'depends_on' }, `${name}: condition service_healthy, but ${name} has no healthcheck`);
      }
    }
  }
  const ordered = dependencyOrder(new Map([...drafts].map(([name, draft]) => [name, draft.dependsOn.map((dependency) => dependency.name)])));
  if ('error' in ordered) throw problem(file, ordered.service === undefined ? { key: 'depends_on' } : { service: ordered.service, key: 'depends_on' }, ordered.error);
  const active = activeProfiles(context.variable('COMPOSE_PROFILES'));
  /** Why service `name` does not start, when it does not. */
  const leftOut = (name: string): string | undefined => {
    const { profiles, replicas } = drafts.get(name)!;
    if (!isEnabled(profiles, active)) return `it runs with the profile${profiles.length === 1 ? '' : 's'} ${profiles.join(', ')}, which COMPOSE_PROFILES does not name`;
    return replicas === 0 ? 'its scale is 0' : undefined;
  };
  for (const name of ordered.order) {
    const why = leftOut(name);
    if (why !== undefined) {
      context.log('info', located(file, { service: name }, `not started: ${why}`));
      continue;
    }
    const missing = drafts.get(name)!.dependsOn.find((dependency) => dependency.required && leftOut(dependency.name) !== undefined);
    if (missing !== undefined) throw problem(file, { service: name, key: 'depends_on' }, `${missing.name} is not started: ${leftOut(missing.name)!} (or make the dependency required: false)`);
  }
  // The programs: a service with scale N is N copies, NAME-1 ... NAME-N, side by side in the start order.
  const programs = ordered.order.filter((name) => leftOut(name) === undefined).flatMap((name): Array<{ name: string; draft: Draft; replicaOf: string | undefined }> => {
    const draft = drafts.get(name)!;
    if (draft.replicas === 1) return [{ name, draft, replicaOf: undefined }];
    return Array.from({ length: draft.replicas }, (_, i) => ({ name: `${name}-${i + 1}`, draft, replicaOf: name }));
  });
  for (const { name, replicaOf } of programs) {
    if (replicaOf !== undefined && names.has(name)) throw problem(file, { service: replicaOf, key: 'scale' }, `its copies are named ${replicaOf}-1 and on, and ${name} is a service of this file too`);
  }
  const indices = new Map<string, number[]>();
  for (const [i, { draft }] of programs.entries()) indices.set(draft.name, [...(indices.get(draft.name) ?? []), i]);
  return programs.map(({ name, draft, replicaOf }): Service => {
    return {
      name,
      ...(replicaOf === undefined ? {} : { replicaOf }),
      role: 'service',
      argv: draft.argv,
      restart: draft.restart,
      stopSignal: draft.stopSignal,
      stopGraceMs: draft.stopGraceMs,
      // A dependency that does not start is one with required: false (checked above); one with scale, each of its copies.
      dependsOn: draft.dependsOn.flatMap(({ name: dependency, condition, restart }) => (indices.get(dependency) ?? []).map((service) => ({ service, condition, ...(restart ? { restart } : {}) }))),
      healthcheck: draft.healthcheck,
      ...(draft.hooks.postStart.length + draft.hooks.preStop.length > 0 ? { hooks: draft.hooks } : {}),
      launch: {
        argv: draft.argv.map((word) => Buffer.from(word)),
        environment: draft.environment,
        directory: draft.directory === undefined ? undefined : Buffer.from(draft.directory),
        user: draft.user,
        foreground: false,
        output: draft.output,
      },
    };
  });
}

export { ServicesFileError };
