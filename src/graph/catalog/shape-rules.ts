/** Output-shape arithmetic shared by catalog entries (sliding windows, ranks, broadcasting rules). */
import type { ParamValue, Shape } from '../types.ts';
import { ShapeError } from './spec.ts';

export function describe(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

export function requireRank(input: Shape, ranks: number[], what: string): void {
  if (!ranks.includes(input.length)) {
    const wanted = ranks.map((r) => (r === 1 ? '[N]' : r === 2 ? '[T,F]' : r === 3 ? '[H,W,C]' : `rank ${r}`)).join(' or ');
    throw new ShapeError(`${what} needs a ${wanted} input, got ${describe(input)}`);
  }
}

export function asPair(value: ParamValue): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2) return [value[0]!, value[1]!];
  throw new ShapeError(`expected a number or [h, w], got ${JSON.stringify(value)}`);
}

/**
 * One spatial axis of a sliding window (convolution or pooling).
 * `padding` is 'valid', 'same' or an explicit symmetric amount; `ceil` is Caffe's pooling rounding.
 */
export function windowOutput(size: number, kernel: number, stride: number, padding: 'valid' | 'same' | number, dilation = 1, ceil = false): number {
  if (padding === 'same') return Math.ceil(size / stride);
  const pad = padding === 'valid' ? 0 : padding;
  const span = dilation * (kernel - 1) + 1;
  const room = size + 2 * pad - span;
  if (room < 0) return 0;
  let out = (ceil ? Math.ceil(room / stride) : Math.floor(room / stride)) + 1;
  // Caffe drops a last window that would start entirely inside the padding.
  if (ceil && pad > 0 && (out - 1) * stride >= size + pad) out -= 1;
  return out;
}

/**
 * TensorFlow's "same" padding, which the graph's `padding: 'same'` means for every target: the pads
 * before and after one axis that give ceil(size / stride) outputs; an odd total puts the extra one after.
 */
export function samePadding(size: number, kernel: number, stride: number, dilation = 1): [number, number] {
  const out = Math.ceil(size / stride);
  const span = dilation * (kernel - 1) + 1;
  const total = Math.max((out - 1) * stride + span - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** The padding param of a 2-D window as a per-axis value usable by windowOutput. */
export function paddingPerAxis(padding: ParamValue): ['valid' | 'same' | number, 'valid' | 'same' | number] {
  if (padding === 'valid' || padding === 'same') return [padding, padding];
  const [ph, pw] = asPair(padding);
  return [ph, pw];
}

export function product(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function sameShapes(inputs: Shape[], what: string): Shape {
  const first = inputs[0]!;
  for (const other of inputs.slice(1)) {
    if (describe(other) !== describe(first)) {
      throw new ShapeError(`${what} needs inputs of one shape, got ${inputs.map(describe).join(' and ')}`, undefined, 'merge-mismatch');
    }
  }
  return [...first];
}
