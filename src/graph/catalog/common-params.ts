/** Param specs that several layer types share, written once. */
import { ACTIVATIONS, type ParamSpec } from './spec.ts';

export const activationParam: ParamSpec = {
  name: 'activation',
  kind: 'enum',
  default: 'linear',
  options: ACTIVATIONS,
  doc: 'Activation applied to the output (linear = none)',
};

export const useBiasParam: ParamSpec = { name: 'use_bias', kind: 'bool', default: true, doc: 'Learn an additive bias' };

export function kernelPair(defaultSize: number): ParamSpec {
  return { name: 'kernel', kind: 'pair', default: [defaultSize, defaultSize], min: 1, max: 64, doc: 'Kernel size [h, w]' };
}

export const strideParam: ParamSpec = { name: 'stride', kind: 'pair', default: [1, 1], min: 1, max: 64, doc: 'Stride [h, w]' };

export const padding2dParam: ParamSpec = {
  name: 'padding',
  kind: 'padding2d',
  default: 'valid',
  min: 0,
  max: 1024, // FCN-8s pads its first convolution by 100
  doc: "'valid', 'same', or explicit zero padding [h, w] on each side",
};

export function unitsParam(name: string, doc: string, max = 1_000_000): ParamSpec {
  return { name, kind: 'int', default: 64, min: 1, max, doc };
}
