// `npm run test:sea`: the single executable (SEA=1 ./build.sh) through the same
// PID-1 checks as the bundle, command mode and no-command mode, with node and
// node_modules hidden in every namespace (DCI_HIDE_NODE=1).
export default {
  files: [
    'build/test/sea/**/*.test.js',
    'build/test/examples/single-file.test.js',
    'build/test/integration/cli.test.js',
    'build/test/integration/exit-status.test.js',
    'build/test/integration/reaping.test.js',
    'build/test/integration/shutdown.test.js',
    'build/test/integration/vm-mode.test.js',
    'build/test/integration/forwarding.test.js',
    'build/test/integration/extended.test.js',
    'build/test/integration/hardened.test.js',
    'build/test/integration/grace.test.js',
    'build/test/integration/environment.test.js',
    'build/test/integration/output.test.js',
    'build/test/integration/memory.test.js',
  ],
  timeout: '60s',
  concurrency: 2,
  environmentVariables: { DCI_BINARY: 'dist/sea/docker-container-init', DCI_HIDE_NODE: '1' },
};
