// Health probes (SPEC §18). Each runs as its service's user, in its working
// directory and environment, with /dev/null for stdin and a pipe the init
// reads for stdout and stderr, in a process group of its own (a probe that
// outlives its timeout is killed whole). It is reaped like any child; its
// exit then carries the last 4 KiB it wrote (as Docker keeps them), and its
// pipe is let go.
import { openSync } from 'node:fs';
import { NO_PROCESS_ERRNOS } from '../posix/exit-status.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { ChildExit, InitEvent, ReapedExit } from '../streams/events.js';
import { strerror } from '../syscalls/libc.js';
import { closeDescriptor, makePipe } from '../syscalls/pipe.js';
import { spawnCommand } from '../syscalls/spawn-command.js';
import { readPipe, type PipeReader } from './pipe-reader.js';
import { withVariables, type StartContext } from './start-service.js';

/** How much of a probe's output is kept: its end. */
const KEPT_BYTES = 4096;

export interface Probes {
  /** Starts the probe of service number `service`. */
  start(service: number): InitEvent[];
  /** The exits with each probe's output added, its pipe let go. */
  collect(exits: readonly ChildExit[]): ReapedExit[];
}

export function createProbes(config: SupervisorConfig, context: StartContext): Probes {
  const running = new Map<number, { reader: PipeReader; output: () => string }>();
  let devNull: number | undefined;
  return {
    start(service) {
      const { healthcheck, launch } = config.services[service]!;
      const pipe = makePipe();
      if (pipe instanceof Error) return [{ kind: 'probeFailed', service, reason: pipe.message }];
      devNull ??= openSync('/dev/null', 'r');
      const result = spawnCommand({
        argv: healthcheck!.argv.map((word) => Buffer.from(word)),
        processGroup: true,
        inheritedFds: [],
        stdin: devNull,
        stdout: pipe.write,
        stderr: pipe.write,
        directory: launch.directory ?? context.directory,
        environment: withVariables(context.environment, launch.environment),
        user: launch.user,
      });
      closeDescriptor(pipe.write);
      if (!('pid' in result)) {
        closeDescriptor(pipe.read);
        const hint = NO_PROCESS_ERRNOS.has(result.errno) ? ' (no new process could be made)' : '';
        return [{ kind: 'probeFailed', service, reason: `${strerror(result.errno)}${hint}` }];
      }
      let kept = Buffer.alloc(0);
      const reader = readPipe(
        pipe.read,
        (bytes) => {
          kept = Buffer.concat([kept, bytes]);
          if (kept.length > KEPT_BYTES) kept = kept.subarray(kept.length - KEPT_BYTES);
        },
        () => {},
      );
      running.set(result.pid, { reader, output: () => kept.toString('utf8') });
      return [{ kind: 'probeStarted', service, pid: result.pid }];
    },
    collect(exits) {
      if (running.size === 0) return exits as ReapedExit[];
      return exits.map((exit) => {
        const probe = running.get(exit.pid);
        if (!probe) return exit;
        running.delete(exit.pid);
        probe.reader.finish();
        return { ...exit, output: probe.output() };
      });
    },
  };
}
