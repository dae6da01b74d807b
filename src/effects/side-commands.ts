// Commands the init runs beside a program (SPEC §17, §18): its health probes
// and its lifecycle hooks (post_start, pre_stop). Each runs as the program's
// user, in its working directory and environment unless a hook gives its own,
// with /dev/null for stdin and a pipe the init reads for stdout and stderr,
// in a process group of its own (a probe that outlives its timeout, or a hook
// whose program's run ended, is killed whole). It is reaped like any child;
// its exit then carries the last 4 KiB it wrote (as Docker keeps a probe's),
// and its pipe is let go.
import { openSync } from 'node:fs';
import { NO_PROCESS_ERRNOS } from '../posix/exit-status.js';
import type { SupervisorConfig } from '../streams/config.js';
import type { ChildExit, InitEvent, ReapedExit } from '../streams/events.js';
import { hooksOf, type HookKind, type Launch } from '../streams/service.js';
import { strerror } from '../syscalls/libc.js';
import { closeDescriptor, makePipe } from '../syscalls/pipe.js';
import { spawnCommand } from '../syscalls/spawn-command.js';
import { readPipe, type PipeReader } from './pipe-reader.js';
import { withVariables, type StartContext } from './start-service.js';

/** How much of a side command's output is kept: its end. */
const KEPT_BYTES = 4096;

export interface SideCommands {
  /** Starts the health probe of service number `service`. */
  probe(service: number): InitEvent[];
  /** Starts hook number `index` of `kind` of service number `service`. */
  hook(service: number, kind: HookKind, index: number): InitEvent[];
  /** The exits with each side command's output added, its pipe let go. */
  collect(exits: readonly ChildExit[]): ReapedExit[];
}

type Started = { readonly pid: number } | { readonly reason: string };

export function createSideCommands(config: SupervisorConfig, context: StartContext): SideCommands {
  const running = new Map<number, { reader: PipeReader; output: () => string }>();
  let devNull: number | undefined;

  function start(argv: readonly Uint8Array[], launch: Pick<Launch, 'environment' | 'directory' | 'user'>): Started {
    const pipe = makePipe();
    if (pipe instanceof Error) return { reason: pipe.message };
    devNull ??= openSync('/dev/null', 'r');
    const result = spawnCommand({
      argv,
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
      return { reason: `${strerror(result.errno)}${hint}` };
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
    return { pid: result.pid };
  }

  return {
    probe(service) {
      const { healthcheck, launch } = config.services[service]!;
      const started = start(healthcheck!.argv.map((word) => Buffer.from(word)), launch);
      return 'pid' in started ? [{ kind: 'probeStarted', service, pid: started.pid }] : [{ kind: 'probeFailed', service, reason: started.reason }];
    },
    hook(service, kind, index) {
      const hook = hooksOf(config.services[service]!, kind)[index]!;
      const started = start(hook.launch.argv, hook.launch);
      return 'pid' in started ? [{ kind: 'hookStarted', service, hook: kind, pid: started.pid }] : [{ kind: 'hookFailed', service, hook: kind, reason: started.reason }];
    },
    collect(exits) {
      if (running.size === 0) return exits as ReapedExit[];
      return exits.map((exit) => {
        const command = running.get(exit.pid);
        if (!command) return exit;
        running.delete(exit.pid);
        command.reader.finish();
        return { ...exit, output: command.output() };
      });
    },
  };
}
