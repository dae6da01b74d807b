// The -h text (SPEC §2): first line names the build date, then usage and every option.
import { OPTIONS, spelling } from './options.js';
import { PROGRAM } from '../log/format.js';

export function helpText(buildDate: string): string {
  const rows = OPTIONS.map((spec) => {
    const flag = spec.value !== undefined ? `${spelling(spec)} ${spec.value}` : spelling(spec);
    return `  ${flag.padEnd(14)} ${spec.help}`;
  });
  return [
    `${PROGRAM} built on ${buildDate}`,
    `Usage: ${PROGRAM} [options] [--] [command [args...]]`,
    '',
    'Runs as PID 1 of a container: reaps every zombie, forwards signals to the command,',
    'and on exit of the command (or SIGTERM without one) signals every process and waits',
    'for all of them. Options stop at the first argument that is not an option, or at --.',
    '',
    'Options:',
    ...rows,
    '',
  ].join('\n');
}
