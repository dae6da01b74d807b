import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled tests live in build/test/support/; the project root is three levels up.
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The binary under test: the bundle, or another build (DCI_BINARY, e.g. the single executable). */
export const INIT = process.env['DCI_BINARY'] ? resolve(ROOT, process.env['DCI_BINARY']) : join(ROOT, 'dist/docker-container-init');
/** DCI_HIDE_NODE=1: inside each namespace, node and node_modules are hidden from the init. */
export const HIDE_NODE = process.env['DCI_HIDE_NODE'] === '1';
export const helper = (name: string): string => join(ROOT, 'test/.bin', name);
