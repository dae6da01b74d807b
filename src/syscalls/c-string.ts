/** A NUL-terminated copy of bytes, as C wants a string. */
export function cString(bytes: Uint8Array): Buffer {
  return Buffer.concat([bytes, Buffer.alloc(1)]);
}
