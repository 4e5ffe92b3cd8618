/** Constructor argument lists that several layer types share (see `ConstructorArgs` in targets.ts), written once. */
import type { ConstructorArgs } from './targets.ts';

export const KERAS_CONV_ARGS: ConstructorArgs = [
  ['filters', 'filters'],
  ['kernel_size', 'kernel'],
  ['strides', 'stride'],
  ['padding', 'padding'],
];
export const TORCH_CONV_ARGS: ConstructorArgs = [
  ['in_channels', ''],
  ['out_channels', 'filters'],
  ['kernel_size', 'kernel'],
  ['stride', 'stride'],
  ['padding', 'padding'],
];
export const KERAS_POOL_ARGS: ConstructorArgs = [
  ['pool_size', 'pool'],
  ['strides', 'stride'],
  ['padding', 'padding'],
];
export const TORCH_POOL_ARGS: ConstructorArgs = [
  ['kernel_size', 'pool'],
  ['stride', 'stride'],
  ['padding', 'padding'],
];
export const KERAS_RECURRENT_ARGS: ConstructorArgs = [['units', 'units']];
export const TORCH_RECURRENT_ARGS: ConstructorArgs = [
  ['input_size', ''],
  ['hidden_size', 'units'],
];
/** `nn.AdaptiveAvgPool2d(1)`: the output size, always one position for a global pooling. */
export const TORCH_ADAPTIVE_POOL_ARGS: ConstructorArgs = [['output_size', '']];
