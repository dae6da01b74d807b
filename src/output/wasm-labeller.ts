// The labelling step for text, run by a small WebAssembly module (label.wat):
// a read's complete lines, each after its label, in one pass of native code.
// One instance serves every stream (the init runs one at a time); it is made
// when the first labelled read comes, so that a run without services never
// compiles it. Where WebAssembly cannot run (a node started --jitless), there
// is none, and labelled-lines.ts labels in JavaScript.
import { LABEL_WASM } from './label-wasm.js';

/**
 * The most memory the module may grow to. A read of 64 KiB of empty lines
 * under a long label would need (1 + label) times the read: past this, the
 * JavaScript path labels that read instead.
 */
const MAX_MEMORY_BYTES = 4 * 1024 * 1024;
const PAGE_BYTES = 64 * 1024;
/** The room each 16-byte load or store may reach past its region (label.wat). */
const SLACK = 16;

interface LabelExports {
  readonly memory: WebAssembly.Memory;
  count(at: number, n: number): number;
  label(label: number, length: number, input: number, n: number, out: number): number;
}

export interface WasmLabeller {
  /**
   * The lines of data[0, end), whose last byte is a newline, each after
   * `label`: a view of the module's memory, good until the next call.
   * Undefined when that would take more memory than the module may have.
   */
  label(label: Uint8Array, data: Uint8Array, end: number): Buffer | undefined;
}

const roundUp = (n: number): number => Math.ceil(n / SLACK) * SLACK;

function instantiate(): WasmLabeller | undefined {
  let exports: LabelExports;
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(LABEL_WASM, 'base64'))).exports as unknown as LabelExports;
  } catch {
    return undefined;
  }
  const { memory } = exports;
  let bytes = new Uint8Array(memory.buffer);
  /** Grows the memory to at least `size`; false past MAX_MEMORY_BYTES. */
  const reserve = (size: number): boolean => {
    if (size <= bytes.length) return true;
    if (size > MAX_MEMORY_BYTES) return false;
    try {
      memory.grow(Math.ceil((size - bytes.length) / PAGE_BYTES));
    } catch {
      return false;
    }
    bytes = new Uint8Array(memory.buffer);
    return true;
  };
  return {
    label(label, data, end) {
      // The label at 0, the input after it, the output after that.
      const input = roundUp(label.length) + SLACK;
      const out = input + roundUp(end) + SLACK;
      if (!reserve(out)) return undefined;
      bytes.set(label, 0);
      bytes.set(data.subarray(0, end), input);
      const lines = exports.count(input, end);
      if (!reserve(out + end + lines * label.length + SLACK)) return undefined;
      const stop = exports.label(0, label.length, input, end, out);
      return Buffer.from(memory.buffer, out, stop - out);
    },
  };
}

let made: WasmLabeller | null | undefined;

/** The one labeller, made on first use; undefined where WebAssembly cannot run. */
export function wasmLabeller(): WasmLabeller | undefined {
  if (made === undefined) made = instantiate() ?? null;
  return made ?? undefined;
}
