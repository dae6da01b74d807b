// docker-container-init: the command-line entry point.
// First of all: V8's settings, and catching signals that arrive while the rest loads.
import './v8-flags.js';
import { takeEarlySignals } from './early-signals.js';
import { BUILD_DATE, VERSION } from './build-info.js';
import { helpText } from './cli/help.js';
import { parseArguments } from './cli/parse.js';
import { PROGRAM, setProcessLogFormat } from './log/format.js';
import { fdLineWriter } from './log/line-writer.js';
import { createLogger } from './log/logger.js';
import { logLevelFor, run } from './shell/run.js';
import { guardStdio } from './shell/stdio-guard.js';
import { terminalGuard } from './shell/terminal-guard.js';
import { scanInheritedDescriptors } from './shell/inherited-fds.js';
import { realtimeRange } from './syscalls/realtime.js';

// Before anything opens a stream (the modules above open none): which
// descriptors came from the parent, to hand them on to the command; then make
// sure nothing opens the standard streams (see stdio-guard.ts).
const { inheritedFds, debuggerClosed } = scanInheritedDescriptors();
guardStdio();
// What `ps` shows for the init, instead of "node".
process.title = PROGRAM;

function main(argv: readonly string[]): void {
  const request = parseArguments(argv, VERSION, realtimeRange());
  switch (request.kind) {
    case 'help':
      fdLineWriter(1).write(helpText(BUILD_DATE));
      process.exit(0);
    case 'version':
      fdLineWriter(1).write(`${PROGRAM} ${VERSION}\n`);
      process.exit(0);
    case 'usageError':
      createLogger('error', request.logFormat).log('error', `${request.message} (see -h)`);
      process.exit(2);
    case 'run': {
      setProcessLogFormat(request.options.logFormat);
      const logger = createLogger(logLevelFor(request.options), request.options.logFormat, fdLineWriter(2, terminalGuard(2)));
      if (!request.options.skipPidCheck && process.pid !== 1) {
        logger.log('error', 'You have to either run this as pid 1 or specify the -D option');
        process.exit(1);
      }
      run({ options: request.options, command: request.command, logger, inheritedFds, takeEarlySignals, debuggerClosed });
    }
  }
}

main(process.argv.slice(2));
