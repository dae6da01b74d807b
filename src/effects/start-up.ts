// What the init does before its supervisor exists: its own set-up
// (set-up.ts), every signal it forwards caught (-r's and -p's realtime ones
// too), the directory it started in left, and what every program starts with.
// Then, when nothing can come before them, the programs start at once: before
// the supervisor's code (rxjs and the pipeline) has loaded, which took about
// 1 ms of every start, and its first event-loop turn, 1.5 ms more with ten
// services (npm run bench, part j). The pipeline still decides: its first
// event is then 'ready', and each start it asks for is one already made.
// That holds while the order is one the pipeline would take too: on 'ready'
// it starts every program that waits for nothing, in the configuration's
// order, and the main command once each service it waits for has started
// (lifecycle/dependencies.ts, SPEC §17). A service that waits for another,
// or a main command that waits for a one-shot to complete, leaves the order
// to the pipeline.
// Nothing can come before them when the init knows of no signal yet: none
// came while Node.js was starting, no parent-death signal is made up, and none
// waits in libuv's signal pipe (a signal caught from now on reaches the
// pipeline after 'ready', as one caught while the pipeline starts them would).
// Otherwise the pipeline starts them on the event loop's first turn, once
// every signal so far has been delivered (main-loop.ts).
import type { EarlySignals } from '../boot/early-signals.js';
import { keptEnvironment } from '../boot/kept-environment.js';
import type { LogFormat } from '../output/format.js';
import type { StandardSinks } from '../output/standard-sinks.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { InitEvent } from '../streams/events.js';
import type { Service } from '../streams/service.js';
import { reapExited } from '../syscalls/reap-exited.js';
import { signalWaiting } from '../syscalls/signal-pipe.js';
import { canSpawnInDirectory } from '../syscalls/spawn-command.js';
import { workingDirectory } from '../syscalls/working-directory.js';
import { createSideCommands, type SideCommands } from './side-commands.js';
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
  /** Programs were started at once: the pipeline's first event is 'ready'. */
  readonly startedAtOnce: boolean;
  readonly output: ServiceOutput;
  readonly sideCommands: SideCommands;
  /** Starts program number `service` (one started at once: what came of that); returns what came of it. */
  start(service: number, processGroup: boolean): InitEvent[];
}

/**
 * Whether starting every program in the configuration's order, each once the
 * one before it has started, is the order the pipeline would take: only the
 * main command (the last) waits, and only for services to have started.
 */
export function startsInOrder(services: readonly Service[]): boolean {
  const last = services.length - 1;
  return services.every(
    ({ role, dependsOn }, index) => dependsOn.length === 0 || (index === last && role === 'main' && dependsOn.every(({ condition }) => condition === 'service_started')),
  );
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
  const sideCommands = createSideCommands(config, context);

  const startNow = (service: number, processGroup: boolean): InitEvent[] => {
    const events = startService(service, config.services[service]!, processGroup, context, output);
    if (directory === undefined && service === config.services.length - 1) process.chdir('/');
    return events;
  };

  const nothingCame = plan.early.lostAtStartup.length === 0 && alsoReceived.length === 0 && !plan.debuggerClosed;
  const atOnce = new Map<number, InitEvent[]>();
  if (config.services.length > 0 && startsInOrder(config.services) && nothingCame && !signalWaiting(plan.openAtStart)) {
    // The zombies the init was exec'd with go first, as the reap loop's first pass takes them otherwise (SPEC §3.1).
    const zombies = reapExited();
    if (zombies.error) notes.push({ kind: 'note', level: 'error', message: zombies.error.message });
    if (zombies.exits.length > 0) notes.push({ kind: 'reaped', exits: zombies.exits, childless: false });
    const its = config.services.length === 1 ? 'its program starts' : 'its programs start';
    notes.push({ kind: 'note', level: 'debug', message: `no signal came while the init was starting: ${its} at once, before the supervisor loads` });
    const readAll = output.holdReads();
    try {
      for (const index of config.services.keys()) {
        const events = startNow(index, config.processGroup);
        atOnce.set(index, events);
        // One that could not start is the pipeline's to handle, and so is every start after it.
        if (!events.some(({ kind }) => kind === 'spawned')) break;
      }
    } finally {
      readAll();
    }
  }

  return {
    notes,
    alsoReceived,
    startedAtOnce: atOnce.size > 0,
    output,
    sideCommands,
    start(service, processGroup) {
      const events = atOnce.get(service);
      atOnce.delete(service);
      return events ?? startNow(service, processGroup);
    },
  };
}
