/**
 * How graph shapes (channels-last, no batch) are stored as ONNX tensors: images as NCHW, as ONNX
 * convolutions want; sequences batch-major [N, T, F]; vectors [N, F].
 */
import type { Shape } from '../../graph/index.ts';

/** Stored dims without batch. */
export function storedDims(shape: Shape): number[] {
  return shape.length === 3 ? [shape[2]!, shape[0]!, shape[1]!] : [...shape];
}

/** For each stored axis (batch included), the graph axis (batch = 0, graph axes from 1) it holds. */
export function storedToGraphAxes(rank: number): number[] {
  return rank === 3 ? [0, 3, 1, 2] : Array.from({ length: rank + 1 }, (_, i) => i);
}

/** Stored axis (batch included) of a graph axis given without batch, negative counting from the end. */
export function storedAxis(axis: number, rank: number): number {
  const graphAxis = (axis < 0 ? axis + rank : axis) + 1;
  return storedToGraphAxes(rank).indexOf(graphAxis);
}

/** NCHW → NHWC for images; the identity (undefined) for other ranks. */
export function toChannelsLastPerm(rank: number): number[] | undefined {
  return rank === 3 ? [0, 2, 3, 1] : undefined;
}

/** NHWC → NCHW for images; the identity (undefined) for other ranks. */
export function fromChannelsLastPerm(rank: number): number[] | undefined {
  return rank === 3 ? [0, 3, 1, 2] : undefined;
}

/**
 * The Transpose perm that applies a Keras Permute (1-based `dims`, batch excluded) to a stored
 * tensor and leaves the result stored the same way.
 */
export function permutePerm(dims: number[]): number[] {
  const rank = dims.length;
  const graphOrder = [0, ...dims];
  const fromStored = storedToGraphAxes(rank);
  return storedToGraphAxes(rank).map((graphAxis) => fromStored.indexOf(graphOrder[graphAxis]!));
}
