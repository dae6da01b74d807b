// `npm run test:arm64` (scripts/arm64/test.sh): the PID-1 tests that prove
// reaping, forwarding (-r included), the shutdown, --grace, --run and the exit
// statuses, with the init on arm64 Node.js under emulation (DCI_BINARY: the
// npm package installed for arm64, then the arm64 single executable). The
// tests themselves, and the commands they start, run natively.
export default {
  files: [
    'build/test/integration/reaping.test.js',
    'build/test/integration/forwarding.test.js',
    'build/test/integration/shutdown.test.js',
    'build/test/integration/grace.test.js',
    'build/test/integration/run.test.js',
    'build/test/integration/exit-status.test.js',
  ],
  timeout: '3m',
  // An emulated start takes about a second of both cores: one file at a time.
  concurrency: 1,
};
