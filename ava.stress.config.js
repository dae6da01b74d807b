// `npm run stress`: the stress and fault suite (SPEC §7), one file at a time
// so that the timing-sensitive cases do not share the two cores with each other.
export default {
  files: ['build/test/stress/**/*.stress.js'],
  timeout: '3m',
  concurrency: 1,
  workerThreads: false,
};
