// What the init does before its supervisor exists: its own set-up
// (set-up.ts), every signal it forwards caught (-r's and -p's realtime ones
// too), the directory it started in left, and what every program starts with.
// Then, when nothing can come before it, the one program starts at once:
// before the supervisor's code (rxjs and the pipeline) has loaded, which took
// about 1 ms of every start (npm run bench, part j). The pipeline still
// decides: its first event is then 'ready', and the start it asks for is the
// one already made.
// Nothing can come before it when the init knows of no signal yet: none came
// while Node.js was starting, no parent-death signal is made up, and none
// waits in libuv's signal pipe (a signal caught from now on came after the
// start). Otherwise the pipeline starts it on the event loop's first turn,
// once every signal so far has been delivered (main-loop.ts).
import type { EarlySignals } from '../boot/early-signals.js';
import { keptEnvironment } from '../boot/kept-environment.js';
import type { LogFormat } from '../output/format.js';
import type { StandardSinks } from '../output/standard-sinks.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { InitEvent } from '../streams/events.js';
import { reapExited } from '../syscalls/reap-exited.js';
import { signalWaiting } from '../syscalls/signal-pipe.js';
import { canSpawnInDirectory } from '../syscalls/spawn-command.js';
import { workingDirectory } from '../syscalls/working-directory.js';
import { createProbes, type Probes } from './probes.js';
import { serviceOutput, type ServiceOutput } from './service-output.js';
import { setUp, type SetUpPlan } from './set-up.js';
import { startService, type StartContext } from './start-service.js';

export interface StartUpPlan extends SetUpPlan {
  readonly config: SupervisorConfig;
  /** The init's stdout and stderr, and the log's format: where the services' labelled lines go, and how. */
  readonly sinks: StandardSinks;
  readonly logFormat: LogFormat;
  /** Descriptors the init inherited, to hand on to its programs. */
  readonly inheritedFds: readonly number[];
  /** The signals caught since the init's first modules ran (boot/early-signals.ts). */
  readonly early: EarlySignals;
  /** A SIGUSR1 during Node's start-up had opened its debugger, closed at start-up (scan-inherited-descriptors.ts). */
  readonly debuggerClosed: boolean;
}

export interface StartUp {
  /** For the log: the set-up's notes. */
  readonly notes: readonly InitEvent[];
  /** Signals to handle as if sent (a parent-death signal whose moment has passed). */
  readonly alsoReceived: readonly number[];
  /** A program was started at once: the pipeline's first event is 'ready'. */
  readonly startedAtOnce: boolean;
  readonly output: ServiceOutput;
  readonly probes: Probes;
  /** Starts program number `service` (the one started at once: what came of it); returns what came of it. */
  start(service: number, processGroup: boolean): InitEvent[];
}

export function startUp(plan: StartUpPlan): StartUp {
  const { config } = plan;
  const { notes, alsoReceived } = setUp(plan);
  plan.early.catchAlso(config.forwarded);
  // The init never pins the directory (and the mount under it) it started in:
  // it moves to / before any program exists, and each program starts in that
  // directory all the same (a C library that cannot do that gets the old
  // order: the init moves once the last program has first started).
  const directory = canSpawnInDirectory ? workingDirectory() : undefined;
  if (directory !== undefined || config.services.length === 0) process.chdir('/');
  const context: StartContext = { inheritedFds: plan.inheritedFds, directory, environment: keptEnvironment() };
  const output = serviceOutput(config, plan.sinks, plan.logFormat);
  const probes = createProbes(config, context);

  const startNow = (service: number, processGroup: boolean): InitEvent[] => {
    const events = startService(service, config.services[service]!, processGroup, context, output);
    if (directory === undefined && service === config.services.length - 1) process.chdir('/');
    return events;
  };

  const alone = config.services.length === 1 && config.services[0]!.dependsOn.length === 0;
  const nothingCame = plan.early.lostAtStartup.length === 0 && alsoReceived.length === 0 && !plan.debuggerClosed;
  let atOnce: InitEvent[] | undefined;
  if (alone && nothingCame && !signalWaiting(plan.openAtStart)) {
    // The zombies the init was exec'd with go first, as the reap loop's first pass takes them otherwise (SPEC §3.1).
    const zombies = reapExited();
    if (zombies.error) notes.push({ kind: 'note', level: 'error', message: zombies.error.message });
    if (zombies.exits.length > 0) notes.push({ kind: 'reaped', exits: zombies.exits, childless: false });
    notes.push({ kind: 'note', level: 'debug', message: 'no signal came while the init was starting: its program starts at once, before the supervisor loads' });
    atOnce = startNow(0, config.processGroup);
  }

  return {
    notes,
    alsoReceived,
    startedAtOnce: atOnce !== undefined,
    output,
    probes,
    start(service, processGroup) {
      const events = service === 0 ? atOnce : undefined;
      atOnce = undefined;
      return events ?? startNow(service, processGroup);
    },
  };
}
