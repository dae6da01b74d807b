// How many copies of a service run (Compose's `scale`, or `deploy.replicas`):
// supervisord's numprocs, in Compose's words, for the queue workers a
// container runs side by side. Each copy is a program of its own, named
// NAME-1 ... NAME-N as Compose numbers a service's containers (one copy keeps
// the plain name); 0 starts none. Of `deploy`, only `replicas` applies inside
// one container: the rest (resources, placement, restart_policy, ...)
// configures the container itself.
import { isMap } from './yaml-values.js';

export type Replicas = { readonly replicas: number } | { readonly error: string; readonly key: string };

function count(value: unknown, key: string): Replicas {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { replicas: value } : { error: `${JSON.stringify(value)} is not a whole number of 0 or more`, key };
}

/** From a service's `scale` and `deploy` (either may be absent); 1 when neither says. */
export function replicasOf(scale: unknown, deploy: unknown): Replicas {
  let fromDeploy: number | undefined;
  if (deploy !== undefined && deploy !== null) {
    if (!isMap(deploy)) return { error: 'is not a map', key: 'deploy' };
    for (const key of Object.keys(deploy)) {
      if (key !== 'replicas' && !key.startsWith('x-')) return { error: 'configures the container itself, which the init runs inside of: only deploy.replicas applies to a service of the init', key: `deploy.${key}` };
    }
    const given = deploy['replicas'];
    if (given !== undefined && given !== null) {
      const counted = count(given, 'deploy.replicas');
      if ('error' in counted) return counted;
      fromDeploy = counted.replicas;
    }
  }
  let fromScale: number | undefined;
  if (scale !== undefined && scale !== null) {
    const counted = count(scale, 'scale');
    if ('error' in counted) return counted;
    fromScale = counted.replicas;
  }
  if (fromScale !== undefined && fromDeploy !== undefined && fromScale !== fromDeploy) return { error: `${fromScale} and deploy.replicas ${fromDeploy} differ`, key: 'scale' };
  return { replicas: fromScale ?? fromDeploy ?? 1 };
}
