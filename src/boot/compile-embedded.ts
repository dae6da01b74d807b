// Modules that ship inside the bundle as source text (winston, yaml), compiled
// only when first required. Parsing a string literal costs V8 almost nothing,
// while parsing the same code as functions costs milliseconds on every start,
// even in runs that never use it. build.sh puts the sources in; this compiles one.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';

export function compileEmbedded(name: string, source: string): unknown {
  const bundle = fileURLToPath(import.meta.url);
  const filename = `${bundle}[${name}]`;
  const wrapper = compileFunction(source, ['exports', 'require', 'module', '__filename', '__dirname'], { filename });
  const module = { exports: {} as unknown };
  wrapper(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}
