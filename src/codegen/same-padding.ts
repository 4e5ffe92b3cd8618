/** TensorFlow's "same" padding, which the graph's `padding: 'same'` means for every target. */

/**
 * Padding before and after one axis: the output is ceil(size / stride), and when the total
 * padding is odd the extra row goes after (bottom / right).
 */
export function samePadding(size: number, kernel: number, stride: number, dilation = 1): [number, number] {
  const out = Math.ceil(size / stride);
  const span = dilation * (kernel - 1) + 1;
  const total = Math.max((out - 1) * stride + span - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}
