// docker-container-init: the command-line entry point.
// Evaluated first, in this order: one line for an error nothing else catches;
// the stand-ins for the standard streams (before koffi, whose loader reads
// process.stderr on Node 24+); the single executable starting over without the
// app's Node.js settings; then the signal handles that catch what arrives
// while the rest loads.
import './boot/fatal-errors.js';
import { attachStandardStreams } from './boot/stdio-guard.js';
import './boot/sea-restart.js';
import { earlySignals } from './boot/early-signals.js';
import { keepWithoutStartUp, startUpOver } from './boot/launcher-contract.js';
import { appVariable } from './boot/kept-environment.js';
import { existsSync } from 'node:fs';
import { BUILD_DATE, VERSION } from './cli/build-info.js';
import { checkedLine } from './cli/checked-line.js';
import { commandServices } from './cli/command-services.js';
import { helpText } from './cli/help.js';
import { keptParseNote } from './services-file/parse-note.js';
import { ServicesFileError } from './services-file/services-file-error.js';
import { servicesFromFile } from './services-file/services-from-file.js';
import type { Service } from './streams/service.js';
import { isLogged, type LogLevel } from './streams/events.js';
import { logLevelFor } from './cli/log-level.js';
import { parseArguments } from './cli/parse.js';
import { supervisorConfig } from './cli/supervisor-config.js';
import { controlCommand } from './control/control-command.js';
import { isControlCommand } from './control/control-arguments.js';
import { DEFAULT_CONTROL_SOCKET } from './control/socket-path.js';
import { formatLine, PROGRAM, textLine, type LogFormat } from './output/format.js';
import { lineWriter } from './output/log-writer.js';
import { createLogger, type Logger } from './output/logger.js';
import { selfInflictedSignals } from './output/self-inflicted-signals.js';
import { standardSinks, type StandardSinks } from './output/standard-sinks.js';
import { mainLoop, type MainLoopPlan } from './effects/main-loop.js';
import { startUp } from './effects/start-up.js';
import { scanInheritedDescriptors } from './effects/scan-inherited-descriptors.js';
import { underAnotherInit } from './effects/under-another-init.js';
import { setV8Flags } from './syscalls/node-internals.js';
import { openFilesLimit } from './syscalls/open-files-limit.js';
import { MIN_OPEN_FILES, openFilesTooFew } from './posix/open-files.js';
import { rawArguments } from './syscalls/raw-arguments.js';
import { realtimeRange } from './syscalls/realtime-range.js';
import type { RealtimeRange } from './posix/signals.js';
import { releaseFilePages } from './syscalls/release-file-pages.js';

const V8_FLAGS = '--no-opt --no-maglev';

/** How long after start-up the init hands back the pages start-up read (syscalls/release-file-pages.ts). */
const RELEASE_PAGES_AFTER_MS = 5_000;

/** With -v, how long after start-up the logger's machinery loads (output/logger.ts): a container that is over by then never waits for it. */
const LOGGER_IDLE_MS = 250;


// The parent as it was when the init's code first ran (for -p: see effects/ask-for-parent-death-signal.ts).
const parentAtStart = process.ppid;

// The arguments as bytes, before process.title rewrites them.
const argvBytes = rawArguments(process.argv.length - 2);

/** Exits with `status` once what is written has gone out (or the exit's flush bound has passed). */
function leave(sinks: StandardSinks, status: number): void {
  void sinks.flush().then(() => process.exit(status));
}

/** The init's log on stderr, in `format`; what Node itself prints goes there as warnings. */
function initLog(sinks: StandardSinks, format: LogFormat): Logger {
  const line = (level: 'warn', message: string): string => `${formatLine(format, level, message)}\n`;
  const stderr = lineWriter(sinks.stderr, (count) => line('warn', `${count} log line${count === 1 ? ' was' : 's were'} dropped: stderr was not being read`));
  attachStandardStreams({
    stdout: (text) => sinks.stdout.write(Buffer.from(text)),
    stderrLine: (message) => stderr.write(line('warn', message)),
  });
  return createLogger(format, stderr);
}

/** The services of the services file (none without one); undefined, once the error is logged, when it has none to give (exit 2, SPEC §17). */
function readServicesFile(file: string | undefined, range: RealtimeRange, logger: Logger, level: LogLevel): Service[] | undefined {
  if (file === undefined) return [];
  const log = (at: 'warn' | 'info', message: string): void => {
    if (isLogged(at, level)) logger.log(at, message);
  };
  try {
    return servicesFromFile(file, { range, variable: appVariable, log, directory: process.cwd(), euid: process.geteuid?.() ?? 0 });
  } catch (error) {
    if (!(error instanceof ServicesFileError)) throw error;
    logger.log('error', error.message, undefined, true);
    return undefined;
  }
}

function main(argv: readonly string[]): void {
  const selfInflicted = selfInflictedSignals();
  const sinks = standardSinks(selfInflicted);
  // `docker-container-init ps` and its siblings, run beside the init (docker exec), ask it (SPEC §19).
  if (process.pid !== 1 && isControlCommand(argv)) {
    const output = { out: (text: string) => sinks.stdout.write(Buffer.from(text), true), error: (message: string) => sinks.stderr.write(Buffer.from(`${textLine('error', message)}\n`), true) };
    void controlCommand(argv, output).then((status) => leave(sinks, status));
    return;
  }
  const range = realtimeRange();
  const request = parseArguments(argv, range);
  // What `ps` and `docker top` show: the init and what it runs (as tini does).
  process.title = [PROGRAM, ...argv].join(' ');
  switch (request.kind) {
    case 'help':
      sinks.stdout.write(Buffer.from(helpText(BUILD_DATE)), true);
      return leave(sinks, 0);
    case 'version':
      sinks.stdout.write(Buffer.from(`${PROGRAM} ${VERSION}\n`), true);
      return leave(sinks, 0);
    case 'usageError':
      initLog(sinks, request.logFormat).log('error', `${request.message} (see -h)`, undefined, true);
      return leave(sinks, 2);
    case 'check': {
      const { options, command } = request;
      const logger = initLog(sinks, options.logFormat);
      const fileServices = readServicesFile(options.servicesFile, range, logger, logLevelFor(options));
      if (fileServices === undefined) return leave(sinks, 2);
      const note = keptParseNote();
      if (note !== undefined && options.verbosity >= 2) logger.log('debug', note);
      sinks.stdout.write(Buffer.from(`${checkedLine(options.servicesFile, fileServices, options.runs.length, command.length > 0)}\n`), true);
      keepWithoutStartUp();
      return leave(sinks, 0);
    }
    case 'supervise': {
      const { options, command } = request;
      const logger = initLog(sinks, options.logFormat);
      const fileServices = readServicesFile(options.servicesFile, range, logger, logLevelFor(options));
      if (fileServices === undefined) return leave(sinks, 2);
      const notPid1 = process.pid !== 1;
      const under = notPid1 && !options.skipPidCheck ? underAnotherInit() : undefined;
      if (notPid1 && !options.skipPidCheck && under === undefined) {
        logger.log('error', 'You have to either run this as pid 1 or specify the -D option', undefined, true);
        return leave(sinks, 1);
      }
      const openFiles = openFilesLimit();
      if (openFiles !== undefined && openFiles < MIN_OPEN_FILES) {
        logger.log('error', openFilesTooFew(openFiles), undefined, true);
        return leave(sinks, 1);
      }
      if (!existsSync('/proc/self/fd')) {
        logger.log('error', 'cannot run without /proc (it is not mounted): the init reads its descriptors and the processes it answers for there', undefined, true);
        return leave(sinks, 1);
      }
      // Before anything opens a descriptor of its own (nothing so far has):
      // which descriptors came from the parent, to hand them on to the command.
      const { inheritedFds, debuggerClosed, open } = scanInheritedDescriptors();
      // The command's own bytes, not Node's UTF-8 reading of them (a Latin-1 file name stays one).
      const commandBytes = argvBytes?.slice(argv.length - command.length) ?? command.map((word) => Buffer.from(word));
      const services = commandServices(options.runs, command.length > 0 ? { argv: command, bytes: commandBytes } : undefined, fileServices);
      const config = supervisorConfig(options, services, logLevelFor(options), range);
      const death = options.parentDeathSignal;
      const plan: MainLoopPlan = {
        config,
        subreaper: notPid1,
        underAnotherInit: under,
        parentDeathSignal: death === undefined ? undefined : { signal: death, name: config.signalName(death) },
        parentAtStart,
        logger,
        sinks,
        logFormat: options.logFormat,
        control: options.controlSocket ?? (options.servicesFile !== undefined ? DEFAULT_CONTROL_SOCKET : undefined),
        exit: (status) => leave(sinks, status),
        inheritedFds,
        openAtStart: open,
        servicesFileParse: keptParseNote(),
        early: earlySignals,
        debuggerClosed,
        selfInflicted,
      };
      // Once the programs have started (effects/main-loop.ts):
      const startedUp = (): void => {
        startUpOver();
        if (options.verbosity >= 1) logger.loadMachinery(LOGGER_IDLE_MS);
        // An init runs a few lines of JavaScript per signal or exit, now and
        // then. V8's optimising compilers (TurboFan, and Maglev since Node 22)
        // buy nothing there, and their compile jobs stalled the event loop for
        // up to 2 ms at a time on a 2-core machine: forwarded signals waited,
        // and two of the same could reach the command together and merge.
        // Without them, forwarding's p99 fell from about 800 to about 200
        // microseconds (npm run bench). Set once start-up is over: V8 checks
        // a code cache against the flags (see launcher/npm-launcher.ts), and start-up runs
        // nothing long enough to be optimised.
        setV8Flags(V8_FLAGS);
        // The pages of node's binary that start-up read and the init will not
        // need again go back: about 25 MiB of resident memory (npm run bench,
        // part e and g). Not at once: handing them back and reading back the
        // ones the next event needs took some 75 ms, which a command that
        // exits at once, or the first signal, would wait for.
        setTimeout(releaseFilePages, RELEASE_PAGES_AFTER_MS).unref();
      };
      // Start-up first (effects/start-up.ts): the programs may start at once. In the
      // package, main-loop.ts is the supervisor, a script of its own that this
      // first call compiles from its own code cache (scripts/bundle/apart.mjs).
      mainLoop(plan, startUp(plan), startedUp);
    }
  }
}

main(process.argv.slice(2));
