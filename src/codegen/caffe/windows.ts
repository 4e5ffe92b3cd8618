/**
 * Sliding windows the Caffe way: padding is symmetric and pooling rounds up. The graph may ask for
 * Keras 'same' padding (possibly one more pixel at the bottom) or floor rounding; here we pick the
 * symmetric pad that gives the graph's output size, and say so when no pad can.
 */
import { samePadding, windowOutput, type ParamValue } from '../../graph/index.ts';

export type Rounding = 'conv' | 'pool';

export interface AxisWindow {
  size: number;
  kernel: number;
  stride: number;
  dilation: number;
  /** The graph's padding on this axis: 'valid', 'same' or an explicit amount. */
  padding: 'valid' | 'same' | number;
  /** Zeros a folded ZeroPadding2D adds on each side before the window. */
  extra: number;
  /** The output size the graph infers. */
  target: number;
}

export interface AxisPlan {
  pad: number;
  out: number;
}

/** Output size of a Caffe Convolution along one axis. */
export function caffeConvSize(size: number, kernel: number, stride: number, pad: number, dilation: number): number {
  return windowOutput(size, kernel, stride, pad, dilation);
}

/** Output size of a Caffe Pooling along one axis: rounded up, minus a last window starting in the padding. */
export function caffePoolSize(size: number, kernel: number, stride: number, pad: number): number {
  return windowOutput(size, kernel, stride, pad, 1, true);
}

/** Symmetric pads that express the graph's padding, the closest first. */
function padCandidates(axis: AxisWindow): number[] {
  if (axis.padding === 'valid') return [0];
  if (typeof axis.padding === 'number') return [axis.padding];
  const [before, after] = samePadding(axis.size + 2 * axis.extra, axis.kernel, axis.stride, axis.dilation);
  return [...new Set([before, after])];
}

/** The pad Caffe should use on one axis and the size Caffe will then produce. */
export function planAxis(axis: AxisWindow, rounding: Rounding): AxisPlan {
  const sizeWith = (pad: number): number =>
    rounding === 'conv' ? caffeConvSize(axis.size, axis.kernel, axis.stride, pad, axis.dilation) : caffePoolSize(axis.size, axis.kernel, axis.stride, pad);
  // Caffe's Pooling requires pad < kernel.
  const pads = padCandidates(axis)
    .map((pad) => pad + axis.extra)
    .filter((pad) => rounding === 'conv' || pad < axis.kernel);
  if (pads.length === 0) pads.push(axis.kernel - 1);
  const exact = pads.find((pad) => sizeWith(pad) === axis.target);
  const pad = exact ?? pads[0]!;
  return { pad, out: sizeWith(pad) };
}

/** 'valid' | 'same' | [ph, pw] → per-axis padding. */
export function paddingAxes(padding: ParamValue): ['valid' | 'same' | number, 'valid' | 'same' | number] {
  if (padding === 'valid' || padding === 'same') return [padding, padding];
  const [ph, pw] = padding as number[];
  return [ph!, pw!];
}
