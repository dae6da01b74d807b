// The -h text (SPEC §2): first line names the build date, then usage and every
// option with what it does and when to use it, wrapped to 100 columns.
import { OPTIONS, spelling, type OptionSpec } from './options.js';
import { PROGRAM } from '../output/format.js';

const WIDTH = 100;

function wrap(text: string, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function flagOf(spec: OptionSpec): string {
  return spec.value !== undefined ? `${spelling(spec)} ${spec.value}` : spelling(spec);
}

export function helpText(buildDate: string): string {
  const column = Math.max(...OPTIONS.map((spec) => flagOf(spec).length)) + 4;
  const rows = OPTIONS.flatMap((spec) => {
    const text = spec.example === undefined ? spec.help : `${spec.help} When: ${spec.example}`;
    return wrap(text, column).map((line, i) => (i === 0 ? `  ${flagOf(spec).padEnd(column - 2)}${line}` : `${' '.repeat(column)}${line}`));
  });
  return [
    `${PROGRAM} built on ${buildDate}`,
    `Usage: ${PROGRAM} [options] [--] [command [args...]]`,
    '',
    'Runs as PID 1 of a container: reaps every zombie, forwards signals to the command, and',
    'when the command exits (or on SIGTERM without one) signals every process and waits for all',
    'of them. Options stop at the first argument that is not an option, or at --.',
    '',
    'Options:',
    ...rows,
    '',
  ].join('\n');
}
