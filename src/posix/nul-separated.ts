/** The NUL-terminated words of /proc/<pid>/cmdline or /proc/<pid>/environ, as bytes. */
export function nulSeparated(bytes: Buffer): Buffer[] {
  const words: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    words.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return words;
}
