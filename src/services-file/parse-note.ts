// How the services file was parsed, for the init's -vv line: a module of the
// bundle's own, so that the line can be written without loading the services
// file's reader, a script apart (scripts/bundle/apart.mjs) that sets it.

/** How a services file was parsed: from the kept value; or now, to be kept, or not (JSON cannot hold its value exactly). */
export type KeptParse = 'kept' | 'parsed' | 'unkeepable';

const NOTES: Readonly<Record<KeptParse, string>> = {
  kept: 'the services file: the same text as at an earlier start, whose value was kept: not parsed again',
  parsed: 'the services file: parsed; its value is kept for the next start (once start-up is over, or at once with --check), where it can be written',
  unkeepable: 'the services file: parsed; its value is not kept (JSON cannot hold it exactly)',
};

let last: KeptParse | undefined;

/** The services file read last was parsed as `how`. */
export function noteParse(how: KeptParse): void {
  last = how;
}

/** How the services file read last was parsed, as the -vv line says it; undefined without one, or where nothing is kept. */
export function keptParseNote(): string | undefined {
  return last === undefined ? undefined : NOTES[last];
}
