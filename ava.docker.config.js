// `npm run test:docker` (scripts/engines/docker/test.sh builds the images first): the
// real-engine tests, one file at a time, so that containers do not crowd the
// two cores while a test measures a stop.
export default {
  files: ['build/test/docker/**/*.test.js'],
  timeout: '3m',
  concurrency: 1,
  workerThreads: false,
};
