/**
 * Uneven padding (more at the end than the start) as the catalog's symmetric padding. Exporters
 * write Caffe's upward pooling rounding and TensorFlow's "same" as uneven pads; the catalog says
 * the same thing with `ceil_mode` and 'same'. Only rewrites that give the same output size are made.
 */

import { windowOutput } from '../graph/index.ts';

/** A sliding window's geometry. */
export interface Window {
  kernel: [number, number];
  stride: [number, number];
  dilation: [number, number];
  /** Pools may use ceil rounding; convolutions may not. */
  pool: boolean;
}

export interface EvenPadding {
  padding: 'valid' | 'same' | [number, number];
  ceil?: boolean;
}

/** `sizes` is the unpadded [h, w]; `begin`/`end` the [top, left] and [bottom, right] pads. */
export function evenPadding(sizes: [number, number], begin: [number, number], end: [number, number], window: Window): EvenPadding | undefined {
  const symmetric = (h: number, w: number): EvenPadding['padding'] => (h === 0 && w === 0 ? 'valid' : [h, w]);
  if (begin[0] === end[0] && begin[1] === end[1]) return { padding: symmetric(begin[0], begin[1]) };
  const out = (axis: 0 | 1, before: number, after: number, ceil = false) =>
    windowOutput(sizes[axis] + before + after, window.kernel[axis], window.stride[axis], 0, window.dilation[axis], ceil);
  const axes = [0, 1] as const;
  const wanted = axes.map((a) => out(a, begin[a], end[a]));
  const matches = (f: (axis: 0 | 1) => number) => axes.every((a) => f(a) === wanted[a]);
  // The extra end padding is never reached by a window.
  if (axes.every((a) => end[a] >= begin[a]) && matches((a) => out(a, begin[a], begin[a]))) return { padding: symmetric(begin[0], begin[1]) };
  if (window.pool && matches((a) => out(a, begin[a], begin[a], true))) return { padding: symmetric(begin[0], begin[1]), ceil: true };
  const tfSame = axes.every((a) => wanted[a] === Math.ceil(sizes[a] / window.stride[a]) && begin[a] === Math.floor((begin[a] + end[a]) / 2));
  return tfSame ? { padding: 'same' } : undefined;
}
