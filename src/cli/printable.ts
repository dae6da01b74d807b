// What the user typed, echoed in a log line: control characters (a newline,
// an ESC that starts a terminal sequence) are written as escapes, so that an
// error about a bad argument is always one line and never a forged second one.
export function printable(text: string): string {
  // C0 controls, DEL and the C1 controls.
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
