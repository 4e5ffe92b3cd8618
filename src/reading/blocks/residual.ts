/**
 * Residual blocks of image networks, appended to a graph being built: the basic block (two 3×3
 * convolutions) and the bottleneck block (1×1 reduce, 3×3, 1×1 expand), each convolution followed by
 * BatchNorm, the shortcut added before the last ReLU.
 */
import type { LayerStack } from './layerStack.ts';

export interface ResidualOptions {
  /** Channels of the 3×3 convolutions (a bottleneck block outputs expansion × filters). */
  filters: number;
  /** Stride of the block's 3×3 convolution and of its projection shortcut. */
  stride?: number;
  /**
   * A 1×1 convolution (+ BatchNorm) on the shortcut. When not stated: exactly when the block changes the
   * shape (a stride, or a new channel count); identity otherwise.
   */
  projection?: boolean;
  /** Prefix of the block's layer ids. */
  name?: string;
}

export interface BottleneckOptions extends ResidualOptions {
  /** Output channels per filter of the 3×3 convolution. */
  expansion?: number;
}

const BOTTLENECK_EXPANSION = 4;

/** Conv2D (no bias: the BatchNorm shifts) → BatchNorm → optional ReLU. */
function convBn(stack: LayerStack, id: string, x: string, filters: number, kernel: number, stride: number, relu: boolean): string {
  const conv = stack.add(
    'Conv2D',
    [x],
    { filters, kernel: [kernel, kernel], stride: [stride, stride], padding: kernel > 1 ? 'same' : 'valid', use_bias: false },
    { id },
  );
  const bn = stack.add('BatchNorm', [conv], {}, { id: `${id}_bn` });
  return relu ? stack.add('Activation', [bn], { fn: 'relu' }, { id: `${id}_relu` }) : bn;
}

/** ReLU(residual + shortcut), the shortcut projected when asked for or needed. */
function closeBlock(stack: LayerStack, prefix: string, x: string, residual: string, outChannels: number, options: ResidualOptions): string {
  const stride = options.stride ?? 1;
  const projection = options.projection ?? (stride !== 1 || stack.shapeOf(x).at(-1) !== outChannels);
  const shortcut = projection ? convBn(stack, `${prefix}_shortcut`, x, outChannels, 1, stride, false) : x;
  return stack.add('Activation', [stack.add('Add', [residual, shortcut], {}, { id: `${prefix}_add` })], { fn: 'relu' }, { id: `${prefix}_out` });
}

/** 3×3 conv (stride) → BN → ReLU → 3×3 conv → BN, + shortcut, ReLU. Returns the block's output id. */
export function basicBlock(stack: LayerStack, x: string, options: ResidualOptions): string {
  const prefix = options.name ?? stack.prefix('block');
  const first = convBn(stack, `${prefix}_conv1`, x, options.filters, 3, options.stride ?? 1, true);
  const second = convBn(stack, `${prefix}_conv2`, first, options.filters, 3, 1, false);
  return closeBlock(stack, prefix, x, second, options.filters, options);
}

/** 1×1 conv → BN → ReLU → 3×3 conv (stride) → BN → ReLU → 1×1 conv to expansion × filters → BN, + shortcut, ReLU. */
export function bottleneckBlock(stack: LayerStack, x: string, options: BottleneckOptions): string {
  const prefix = options.name ?? stack.prefix('bottleneck');
  const out = options.filters * (options.expansion ?? BOTTLENECK_EXPANSION);
  const reduce = convBn(stack, `${prefix}_conv1`, x, options.filters, 1, 1, true);
  const middle = convBn(stack, `${prefix}_conv2`, reduce, options.filters, 3, options.stride ?? 1, true);
  const expand = convBn(stack, `${prefix}_conv3`, middle, out, 1, 1, false);
  return closeBlock(stack, prefix, x, expand, out, options);
}
