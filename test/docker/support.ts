// The real Docker engine the tests drive: /usr/bin/docker (Debian's client),
// and the images scripts/engines/docker/test.sh builds.
import { commandEngine, runDetachedIn, type Container, type Result } from '../engines/containers.js';

export { initLines, waitForLog, zombies, type Container, type Result } from '../engines/containers.js';

export const DOCKER = '/usr/bin/docker';
/** The npm package on the node:20-slim and node:24-slim look-alikes (scripts/engines/docker/test.sh). */
export const NODE_IMAGES = ['dci-test:node20', 'dci-test:node24'] as const;
/** The single executable on debian:bookworm-slim. */
export const SEA_IMAGE = 'dci-test:sea';

const engine = commandEngine('docker', [DOCKER]);

export const docker = (args: readonly string[], timeoutMs?: number): Result => engine.run(args, timeoutMs);
/** Like docker(), without blocking the test's event loop. */
export const dockerAsync = (args: readonly string[]): Promise<Result> => engine.runAsync(args);
export const runDetached = (args: readonly string[]): Container => runDetachedIn(engine, args);
