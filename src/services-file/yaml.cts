// The YAML parser (eemeli's yaml) is required here, in a CommonJS module, only
// when a services file is given: a run without one never evaluates it. The
// bundle carries it as text, compiled on first use (src/boot/compile-embedded.ts).
import type * as Yaml from 'yaml';

export function loadYaml(): typeof Yaml {
  return require('yaml') as typeof Yaml;
}
