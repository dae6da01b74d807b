// The bundler step of build.sh (esbuild's JavaScript API). Produces one file:
//  - our code and rxjs (its ES2015 build, so that unused operators are dropped),
//    with koffi left outside (it carries a native addon);
//  - winston and meow bundled separately and embedded as source text, compiled
//    at run time only by the runs that need them (see src/embedded.ts).
// Usage: node scripts/build.mjs OUTPUT VERSION BUILD_DATE
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [output, version, buildDate] = process.argv.slice(2);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// MINIFY=0 keeps names readable, for profiling.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: process.env.MINIFY !== '0', legalComments: 'none', logLevel: 'warning' };

// The file works both as CommonJS and, copied into a folder whose package.json
// says "type": "module", as an ES module: require and import.meta.url are
// derived from its real path either way.
const header = `#!/usr/bin/env node
var __bundleFile = process.getBuiltinModule("node:fs").realpathSync.native(process.argv[1]),
  require = process.getBuiltinModule("node:module").createRequire(__bundleFile),
  __bundleUrl = process.getBuiltinModule("node:url").pathToFileURL(__bundleFile).href;`;

async function vendorSource(name) {
  const result = await build({
    ...common,
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
    // meow reads import.meta.url at load time; inside the bundle that is the bundle's URL.
    define: { 'import.meta.url': '__embeddedUrl' },
    banner: { js: 'var __embeddedUrl = require("node:url").pathToFileURL(__filename).href;' },
    write: false,
  });
  return result.outputFiles[0].text;
}

const vendored = { winston: await vendorSource('winston'), meow: await vendorSource('meow') };

const embedVendored = {
  name: 'embed-vendored',
  setup(b) {
    b.onResolve({ filter: /^(winston|meow)$/ }, (args) => ({ path: args.path, namespace: 'embedded' }));
    b.onLoad({ filter: /.*/, namespace: 'embedded' }, (args) => ({
      resolveDir: join(root, 'src'),
      loader: 'js',
      contents: `const { compileEmbedded } = require('./embedded.ts');
module.exports = compileEmbedded(${JSON.stringify(args.path)}, ${JSON.stringify(vendored[args.path])});`,
    }));
  },
};

await build({
  ...common,
  entryPoints: [join(root, 'src/cli.ts')],
  outfile: output,
  external: ['koffi'],
  alias: { rxjs: join(root, 'node_modules/rxjs/dist/esm/index.js') },
  plugins: [embedVendored],
  define: {
    'import.meta.url': '__bundleUrl',
    __VERSION__: JSON.stringify(version),
    __BUILD_DATE__: JSON.stringify(buildDate),
    __KOFFI_FALLBACK__: JSON.stringify(join(root, 'package.json')),
  },
  banner: { js: header },
});
chmodSync(output, 0o755);
