/** Normalisation: BatchNorm, LayerNorm, LRN. */
import { requireRank, sameShapes } from '../shape-rules.ts';
import type { LayerSpec } from '../spec.ts';

const epsilonParam = { name: 'epsilon', kind: 'float', default: 1e-5, min: 0, max: 1, doc: 'Added to the variance' } as const;

export const batchNorm: LayerSpec = {
  type: 'BatchNorm',
  category: 'normalization',
  doc: 'Batch normalisation over the channel axis (with learned scale and shift)',
  aliases: [
    { text: 'bn' },
    { text: 'batchnorm' },
    { text: 'batch norm' },
    { text: 'batch normalization' },
    { text: 'batch normalisation' },
    { text: 'BatchNormalization' },
    { text: 'batch-norm' },
  ],
  params: [epsilonParam, { name: 'momentum', kind: 'float', default: 0.9, min: 0, max: 1, doc: 'Running-average momentum (Keras convention)' }],
  arity: { min: 1, max: 1 },
  outputShape: ([input]) => [...input!],
  targets: {
    keras: { className: 'BatchNormalization' },
    caffe: { type: 'BatchNorm' },
    pytorch: { module: 'BatchNorm2d' },
    onnx: { op: 'BatchNormalization' },
  },
};

export const layerNorm: LayerSpec = {
  type: 'LayerNorm',
  category: 'normalization',
  doc: 'Layer normalisation over the last axis; several inputs are summed first (embeddings added, then normalised)',
  aliases: [{ text: 'layernorm' }, { text: 'layer norm' }, { text: 'layer normalization' }, { text: 'ln' }, { text: 'LayerNormalization' }],
  params: [epsilonParam],
  // Several inputs: the sum of embeddings that feeds a transformer encoder, normalised in one layer.
  arity: { min: 1, max: 8 },
  outputShape: (inputs) => sameShapes(inputs, 'LayerNorm'),
  targets: {
    keras: { className: 'LayerNormalization' },
    caffe: { unsupported: 'Caffe has no layer normalisation' },
    pytorch: { module: 'LayerNorm' },
    onnx: { op: 'LayerNormalization' },
  },
};

export const lrn: LayerSpec = {
  type: 'LRN',
  category: 'normalization',
  doc: 'Local response normalisation across channels (AlexNet)',
  aliases: [
    { text: 'lrn' },
    { text: 'local response normalization' },
    { text: 'local response normalisation' },
    { text: 'response normalization' },
    { text: 'norm' },
  ],
  params: [
    { name: 'size', kind: 'int', default: 5, min: 1, max: 99, doc: 'Channels in the window' },
    { name: 'alpha', kind: 'float', default: 1e-4, min: 0, max: 10, doc: 'Scale' },
    { name: 'beta', kind: 'float', default: 0.75, min: 0, max: 10, doc: 'Exponent' },
    { name: 'k', kind: 'float', default: 1, min: 0, max: 100, doc: 'Additive constant (bias)' },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input]) => {
    requireRank(input!, [3], 'LRN');
    return [...input!];
  },
  targets: {
    // Keras has no LRN layer: the generated file defines this small custom layer.
    keras: { className: 'LocalResponseNormalization' },
    caffe: { type: 'LRN' },
    pytorch: { module: 'LocalResponseNorm' },
    onnx: { op: 'LRN' },
  },
};
