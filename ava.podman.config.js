// `npm run test:podman` (scripts/engines/podman/test.sh imports the image first):
// the real-engine tests under Podman, as root and rootless, one file at a time.
export default {
  files: ['build/test/podman/**/*.test.js'],
  timeout: '3m',
  concurrency: 1,
  workerThreads: false,
};
