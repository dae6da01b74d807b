// What a side command wrote (a health probe, a lifecycle hook), on one line of
// the log: white space run together, cut short at 200 characters.

/** The most of a side command's output that a log line shows. */
const OUTPUT_CHARS = 200;

export function oneLine(output: string): string {
  const line = output.replace(/\s+/g, ' ').trim();
  return line.length > OUTPUT_CHARS ? `${line.slice(0, OUTPUT_CHARS - 1)}…` : line;
}
