// The sources that ship beside the bundle, for scripts/build.mjs: winston and
// yaml, bundled separately and compiled at run time only by the runs that need
// them (src/boot/compile-embedded.ts), and the scripts apart (apart.mjs).
// Each is a file beside the npm package's bundle (dist/NAME.cjs), an asset of
// the single executable (NAME.cjs), or a string inside a bundle built alone.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// winston's internal debug lines (@dabh/diagnostics) print whenever DEBUG or
// DIAGNOSTICS is set, and those are the app's settings (the debug package's):
// the init's winston gets the package's production build, which prints nothing.
const quietDiagnostics = (root) => ({
  name: 'quiet-diagnostics',
  setup(b) {
    b.onResolve({ filter: /^@dabh\/diagnostics$/ }, () => ({ path: join(root, 'node_modules/@dabh/diagnostics/node/production.js') }));
  },
});

/** winston's and yaml's sources, each bundled with esbuild's `common` options, by name. */
export async function vendoredSources(common, root) {
  const vendor = async (name) =>
    (
      await build({
        ...common,
        plugins: [quietDiagnostics(root)],
        stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
        write: false,
      })
    ).outputFiles[0].text;
  return { winston: await vendor('winston'), yaml: await vendor('yaml') };
}

/**
 * Where the bundle finds the source of module `name` (`text`): 'beside' it (the
 * npm package: dist/NAME.cjs), in the executable's 'assets' (NAME.cjs), or
 * 'inside' it, a string (a bundle built alone): the expression that gives it,
 * with compile-embedded.ts's functions in scope. winston and yaml are two
 * thirds of the text: a bundle that carries them is read and decoded on every
 * start, 0.3-0.5 ms more before the command starts.
 */
export const sourceOf = (where, name, text) =>
  where === 'inside' ? JSON.stringify(text) : `${where === 'beside' ? 'sourceBeside' : 'sourceFromAsset'}(${JSON.stringify(`${name}.cjs`)})`;

/** The esbuild plugin that makes `require('winston')` and `require('yaml')` compile `vendored`'s sources, found `where`. */
export function embedVendored(vendored, where, root) {
  return {
    name: 'embed-vendored',
    setup(b) {
      b.onResolve({ filter: /^(winston|yaml)$/ }, (args) => ({ path: args.path, namespace: 'embedded' }));
      b.onLoad({ filter: /.*/, namespace: 'embedded' }, (args) => ({
        resolveDir: join(root, 'src/boot'),
        loader: 'js',
        contents: `const { compileEmbedded, sourceBeside, sourceFromAsset } = require('./compile-embedded.ts');
module.exports = compileEmbedded(${JSON.stringify(args.path)}, ${sourceOf(where, args.path, vendored[args.path])});`,
      }));
    },
  };
}

/** Writes each source (`texts`, by name) as NAME.cjs into `folder`; returns their paths, by name. */
export function writeSources(folder, texts) {
  return Object.fromEntries(
    Object.entries(texts).map(([name, text]) => {
      const file = join(folder, `${name}.cjs`);
      writeFileSync(file, text);
      return [name, file];
    }),
  );
}
