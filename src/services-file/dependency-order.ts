// Start order (SPEC §17): a service after those it depends on, independent
// ones in the file's order. A dependency on a service that is not in the file,
// or a cycle, is an error naming the services.

export type Ordered = { readonly order: string[] } | { readonly error: string; readonly service?: string };

/** `dependsOn`: for each service (in the file's order), the names it waits for. */
export function dependencyOrder(dependsOn: ReadonlyMap<string, readonly string[]>): Ordered {
  for (const [name, dependencies] of dependsOn) {
    const missing = dependencies.find((dependency) => !dependsOn.has(dependency));
    if (missing !== undefined) return { error: `${missing} is no service of this file`, service: name };
  }
  const order: string[] = [];
  const placed = new Set<string>();
  // Each round places, in the file's order, every service whose dependencies are placed.
  while (order.length < dependsOn.size) {
    const ready = [...dependsOn].filter(([name, dependencies]) => !placed.has(name) && dependencies.every((dependency) => placed.has(dependency)));
    if (ready.length === 0) return { error: `the services wait for each other in a circle: ${cycle(dependsOn, placed).join(' → ')}` };
    for (const [name] of ready) {
      order.push(name);
      placed.add(name);
    }
  }
  return { order };
}

/** One circle among the services not placed: followed from the first of them until a name comes again. */
function cycle(dependsOn: ReadonlyMap<string, readonly string[]>, placed: ReadonlySet<string>): string[] {
  const path: string[] = [];
  let name = [...dependsOn.keys()].find((candidate) => !placed.has(candidate))!;
  while (!path.includes(name)) {
    path.push(name);
    name = dependsOn.get(name)!.find((dependency) => !placed.has(dependency))!;
  }
  return [...path.slice(path.indexOf(name)), name];
}
