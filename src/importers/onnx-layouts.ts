/**
 * How a computed ONNX tensor is stored relative to its channels-last graph shape, and how pure
 * data-movement nodes (Transpose, Squeeze, ReduceSum over a direction axis, Reshape) change that.
 * Writers wrap channels-last Reshapes in NCHW↔NHWC transposes and recurrent ops in time-major
 * transposes and direction squeezes; following the layout lets those nodes vanish from the graph.
 */

export type Layout =
  /** NCHW images, batch-major [N, T, F] sequences, [N, F] vectors. */
  | 'standard'
  /** NHWC image. */
  | 'nhwc'
  /** [T, N, F] sequence, as ONNX recurrent ops read and write. */
  | 'time-major'
  /** Output Y of a recurrent op: [T, D, N, H]. */
  | 'rnn-y'
  /** Y transposed to [N, T, D, H]. */
  | 'rnn-y-batch'
  /** Output Y_h of a recurrent op: [D, N, H]. */
  | 'rnn-h'
  /** Y_h transposed to [N, D, H]. */
  | 'rnn-h-batch';

export interface Move {
  op: string;
  /** Rank of the graph shape (no batch). */
  rank: number;
  /** Directions of the recurrent op a rnn-* tensor comes from. */
  directions: number;
  perm?: number[];
  axes?: number[];
  keepdims?: number;
  /** Reshape target, batch included. */
  target?: number[];
}

const same = (a: number[] | undefined, b: number[]) => a !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

export const TO_CHANNELS_FIRST = [0, 3, 1, 2];

/** The layout after a data-movement node, or undefined when the node is not a move this layout allows. */
export function moveLayout(layout: Layout, move: Move): Layout | undefined {
  const { op, rank, directions, perm, axes, target } = move;
  if (op === 'Transpose') {
    if (perm && perm.every((p, i) => p === i)) return layout;
    if (layout === 'standard' && rank === 3 && same(perm, [0, 2, 3, 1])) return 'nhwc';
    if (layout === 'nhwc' && same(perm, TO_CHANNELS_FIRST)) return 'standard';
    if (layout === 'standard' && rank === 2 && same(perm, [1, 0, 2])) return 'time-major';
    if (layout === 'time-major' && same(perm, [1, 0, 2])) return 'standard';
    if (layout === 'rnn-y' && same(perm, [2, 0, 1, 3])) return 'rnn-y-batch';
    if (layout === 'rnn-h' && same(perm, [1, 0, 2])) return 'rnn-h-batch';
    return undefined;
  }
  if (op === 'Squeeze') {
    if (layout === 'rnn-y' && directions === 1 && same(axes, [1])) return 'time-major';
    if (layout === 'rnn-h' && directions === 1 && same(axes, [0])) return 'standard';
    return undefined;
  }
  if (op === 'ReduceSum' && move.keepdims === 0) {
    if (layout === 'rnn-y' && same(axes, [1])) return 'time-major';
    if (layout === 'rnn-h' && same(axes, [0])) return 'standard';
    return undefined;
  }
  if (op === 'Reshape') {
    if (layout === 'rnn-y-batch' && same(target, [0, 0, -1])) return 'standard';
    if (layout === 'rnn-h-batch' && same(target, [0, -1])) return 'standard';
    return undefined;
  }
  return undefined;
}
