// Every part of Node.js the init uses beyond its documented JavaScript API, in
// one place. Checked on Node.js 20.20.2, 22.23.5, 24.22.3 and 26.12.1 (the
// docs/platforms.md's table of Node.js internals says the same); each has a fallback
// through public API, so a line that lacks one costs time, never a crash.
//
// - process.binding('inspector').isEnabled() and process._debugEnd(): whether
//   Node's debugger is open, and closing it (see closeStartedDebugger). Present
//   on every line checked. Missing: node:inspector's url() and close(), the
//   public equivalents, which cost about 1 ms to load.
// - v8::V8::SetFlagsFromString(const char*, size_t), V8's embedder API, which
//   every node binary exports; called through koffi (see setV8Flags). Missing:
//   node:v8's setFlagsFromString, which costs about 3 ms to load (process.binding('v8')
//   served before, and is gone since Node 24).
// - libuv's signal handles (signal-handles.ts) and uv_default_loop(): libuv is
//   the ABI Node offers native addons; no fallback is needed.
import { quietBinding } from '../posix/node-binding.js';
import { koffi } from './koffi.js';

interface Debugger {
  isOpen(): boolean;
  close(): void;
}

function nodeDebugger(): Debugger {
  const binding = quietBinding<{ isEnabled(): boolean }>('inspector');
  const debugEnd = (process as unknown as { _debugEnd?: () => void })._debugEnd;
  if (binding && typeof binding.isEnabled === 'function' && typeof debugEnd === 'function') {
    return { isOpen: () => binding.isEnabled(), close: () => debugEnd.call(process) };
  }
  const inspector = process.getBuiltinModule('node:inspector');
  return { isOpen: () => inspector.url() !== undefined, close: () => inspector.close() };
}

let debuggerHandle: Debugger | undefined;

/**
 * Node opens its debugger (127.0.0.1:9229) when SIGUSR1 arrives and nobody
 * listens for it. Returns true when it was open and is now closed.
 */
export function closeStartedDebugger(): boolean {
  debuggerHandle ??= nodeDebugger();
  if (!debuggerHandle.isOpen()) return false;
  debuggerHandle.close();
  return true;
}

function v8SetFlags(): (flags: string) => void {
  try {
    const set = koffi.load(null).func('void _ZN2v82V818SetFlagsFromStringEPKcm(const char *flags, size_t length)');
    return (flags) => set(flags, Buffer.byteLength(flags));
  } catch {
    const v8 = process.getBuiltinModule('node:v8');
    return (flags) => v8.setFlagsFromString(flags);
  }
}

/** Sets V8 flags at run time, as node:v8's setFlagsFromString does, without loading that module. */
export function setV8Flags(flags: string): void {
  v8SetFlags()(flags);
}
