/**
 * Seeded random weights for binary model files (.caffemodel, .onnx). The same graph always gives the
 * same bytes: each tensor draws from its own stream, seeded by the net and tensor names, so adding a
 * layer never changes the weights of the others.
 */

/** How a tensor is filled. `he` suits layers followed by ReLU, `xavier` everything else. */
export type WeightInit =
  | { kind: 'he'; fanIn: number }
  | { kind: 'xavier'; fanIn: number; fanOut: number }
  | { kind: 'constant'; value: number }
  | { kind: 'values'; values: Float32Array };

export interface WeightTensor {
  /** Unique within the model; part of the seed. */
  name: string;
  shape: number[];
  init: WeightInit;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit seed from a string. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast and good enough for weight init; values in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Protobuf messages, hence .onnx and .caffemodel files, cannot pass 2 GB. */
export const MAX_WEIGHT_BYTES = 2 ** 31 - 1;

/** Why a model's weights cannot be written, e.g. "4.2 GB of float32 weights, past the 2 GB protobuf limit". */
export function weightBudgetProblem(totalElements: number): string | undefined {
  const bytes = totalElements * 4;
  if (bytes <= MAX_WEIGHT_BYTES) return undefined;
  return `${(bytes / 1e9).toFixed(1)} GB of float32 weights up to this layer, past the 2 GB a protobuf file can hold`;
}

export function elementCount(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Where a tensor's values are written: a fresh array by default. */
export type FloatAllocator = (count: number) => Float32Array;

const SLAB_FLOATS = 1 << 18;

/**
 * Float32 arrays cut from shared 1 MB buffers: 100,000 tiny tensors whose bytes are wanted (floatBytes) need
 * no buffer each. Larger tensors get their own.
 */
export function floatSlabs(): FloatAllocator {
  let slab = new Float32Array(0);
  let used = 0;
  return (count) => {
    if (count > SLAB_FLOATS / 4) return new Float32Array(count);
    if (used + count > slab.length) {
      slab = new Float32Array(SLAB_FLOATS);
      used = 0;
    }
    used += count;
    return slab.subarray(used - count, used);
  };
}

/** The tensor's values: uniform He or Xavier (Glorot) limits, or a constant. */
export function makeWeights(tensor: WeightTensor, netSeed: string, allocate: FloatAllocator = (count) => new Float32Array(count)): Float32Array {
  const count = elementCount(tensor.shape);
  const { init } = tensor;
  if (init.kind === 'values') {
    if (init.values.length !== count) throw new Error(`${tensor.name}: ${init.values.length} values for shape [${tensor.shape.join(',')}]`);
    return init.values;
  }
  const out = allocate(count);
  if (init.kind === 'constant') return out.fill(init.value);
  const limit = init.kind === 'he' ? Math.sqrt(6 / Math.max(1, init.fanIn)) : Math.sqrt(6 / Math.max(1, init.fanIn + init.fanOut));
  const random = mulberry32(hashSeed(`${netSeed}\u0000${tensor.name}`));
  for (let i = 0; i < count; i++) out[i] = (2 * random() - 1) * limit;
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Float32Array.of(1).buffer)[3] === 0x3f;

/** Little-endian float32 bytes, as both protobuf `packed float` and ONNX `raw_data` store them. */
export function floatBytes(values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return bytes;
}
