import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled tests live in build/test/support/; the project root is three levels up.
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const INIT = join(ROOT, 'dist/docker-container-init');
export const helper = (name: string): string => join(ROOT, 'test/.bin', name);
