/**
 * Densely connected blocks of image networks, appended to a graph being built: the dense layer (its k new
 * feature maps concatenated to everything before it), a block of them, and the transition between blocks.
 * Every convolution is pre-activated: BatchNorm → ReLU → Conv2D.
 */
import type { LayerStack } from './layerStack.ts';

export interface DenseLayerOptions {
  /** Feature maps each layer adds (k). */
  growthRate: number;
  /** A 1×1 convolution to 4k maps before the 3×3 one. */
  bottleneck?: boolean;
  /** Prefix of the layer ids. */
  name?: string;
}

export interface DenseBlockOptions extends DenseLayerOptions {
  layers: number;
}

export interface TransitionOptions {
  /** Fraction of the feature maps kept (θ); 1 keeps them all. */
  compression?: number;
  name?: string;
}

const BOTTLENECK_WIDTH = 4;

function bnReluConv(stack: LayerStack, id: string, x: string, filters: number, kernel: number): string {
  const bn = stack.add('BatchNorm', [x], {}, { id: `${id}_bn` });
  const relu = stack.add('Activation', [bn], { fn: 'relu' }, { id: `${id}_relu` });
  return stack.add('Conv2D', [relu], { filters, kernel: [kernel, kernel], padding: kernel > 1 ? 'same' : 'valid', use_bias: false }, { id });
}

/** [BN → ReLU → 1×1 conv (4k)] → BN → ReLU → 3×3 conv (k), concatenated to the input: channels + k. */
export function denseLayer(stack: LayerStack, x: string, options: DenseLayerOptions): string {
  const prefix = options.name ?? stack.prefix('dense_layer');
  const k = options.growthRate;
  const narrowed = options.bottleneck ? bnReluConv(stack, `${prefix}_conv1`, x, BOTTLENECK_WIDTH * k, 1) : x;
  const grown = bnReluConv(stack, `${prefix}_conv${options.bottleneck ? 2 : 1}`, narrowed, k, 3);
  return stack.add('Concat', [x, grown], {}, { id: `${prefix}_concat` });
}

/** `layers` dense layers in a row: channels + layers × k. */
export function denseBlock(stack: LayerStack, x: string, options: DenseBlockOptions): string {
  const prefix = options.name ?? stack.prefix('dense_block');
  for (let i = 1; i <= options.layers; i++) x = denseLayer(stack, x, { ...options, name: `${prefix}_layer${i}` });
  return x;
}

/** BN → ReLU → 1×1 conv to ⌊θ · channels⌋ → 2×2 average pooling, stride 2. */
export function transitionLayer(stack: LayerStack, x: string, options: TransitionOptions = {}): string {
  const prefix = options.name ?? stack.prefix('transition');
  const channels = Math.max(1, Math.floor((options.compression ?? 1) * stack.shapeOf(x).at(-1)!));
  const conv = bnReluConv(stack, `${prefix}_conv`, x, channels, 1);
  return stack.add('AvgPool2D', [conv], { pool: [2, 2], stride: [2, 2] }, { id: `${prefix}_pool` });
}
