// A services file is untrusted input (SPEC §17): it is read only when it is a
// regular file, and at most MAX_BYTES of it. Opened non-blocking, so that a
// FIFO with no writer does not hang the init at the open; a FIFO, a device
// (/dev/zero) or a folder is refused in one line.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The largest services file the init reads (docs/services.md: 1 MiB). */
export const MAX_BYTES = 1024 * 1024;

export type Read = { readonly text: string } | { readonly error: string };

export function readBounded(path: string): Read {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be opened (${code ?? String(error)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: 'is a folder, not a file' };
    if (!stat.isFile()) return { error: 'is not a regular file (a FIFO or a device): a services file must be one' };
    if (stat.size > MAX_BYTES) return { error: `is larger than ${MAX_BYTES / 1024} KiB` };
    // Room for the size the file has now and one byte more, to see it grow
    // (a file written while the init starts), then for the whole bound: a
    // zero-filled MiB at every start took 0.1 ms.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(MAX_BYTES + 1 - length)]);
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_BYTES) return { error: `is larger than ${MAX_BYTES / 1024} KiB` };
    }
    const bytes = buffer.subarray(0, length);
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD') && !bytes.includes(Buffer.from('\uFFFD'))) return { error: 'is not UTF-8 text' };
    return { text };
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    closeSync(fd);
  }
}
