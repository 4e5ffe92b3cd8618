/**
 * Channels-last graph shapes against PyTorch's layout. Graph images are [H, W, C]; PyTorch holds
 * them as [N, C, H, W]. Sequences [T, F] and vectors [F] keep their order after the batch axis.
 */
import type { Shape } from '../../graph/index.ts';

/** True when the tensor is an image, which PyTorch stores channels-first. */
export function isImage(shape: Shape): boolean {
  return shape.length === 3;
}

/** The shape of the PyTorch tensor, batch axis included. */
export function torchShape(shape: Shape, batch = 1): number[] {
  return isImage(shape) ? [batch, shape[2]!, shape[0]!, shape[1]!] : [batch, ...shape];
}

/** The PyTorch dim (batch = 0) of a graph axis (batch excluded, negative counts from the end). */
export function torchDim(shape: Shape, axis: number): number {
  const graphAxis = axis < 0 ? shape.length + axis : axis;
  if (!isImage(shape)) return graphAxis + 1;
  return [2, 3, 1][graphAxis]!;
}

/** The PyTorch dim holding the channels / features. */
export function featureDim(shape: Shape): number {
  return isImage(shape) ? 1 : -1;
}
