// The moment the init's start-up is over: its commands have started, and what
// a supervising init runs has been compiled. src/launch.ts (the npm package)
// makes V8's code cache for the bundle then: not from a run of -h, -V or a
// usage error, which compile too little, and before the init changes V8's
// flags (src/cli.ts), which V8 checks a cache against.
export const START_UP_OVER_EVENT = 'docker-container-init:start-up-over';

export function startUpOver(): void {
  process.emit(START_UP_OVER_EVENT as 'exit', 0);
}
