/** Core layers: Input, Dense, Flatten, Dropout. */
import { activationParam, unitsParam, useBiasParam } from '../common-params.ts';
import { describe, product } from '../shape-rules.ts';
import { ShapeError, type LayerSpec } from '../spec.ts';

export const input: LayerSpec = {
  type: 'Input',
  category: 'input',
  doc: 'The network input; shape without the batch axis',
  aliases: [{ text: 'input' }, { text: 'data' }, { text: 'input layer' }, { text: 'image' }, { text: 'InputLayer' }],
  patterns: [
    // "224×224×3 image", "input 32x32x3"
    {
      pattern: /^(?:input\s*)?(\d+)\s*[x×]\s*(\d+)(?:\s*[x×]\s*(\d+))?\s*(?:rgb\s*)?(?:image|input)?$/i,
      params: (m) => ({ shape: [Number(m[1]), Number(m[2]), Number(m[3] ?? 1)] }),
    },
  ],
  params: [
    { name: 'shape', kind: 'ints', default: [224, 224, 3], min: 1, max: 1_000_000, doc: 'Input shape without batch: [H, W, C], [T, F], [T] or [N]' },
    { name: 'dtype', kind: 'enum', default: 'float32', options: ['float32', 'int32'], doc: 'int32 for token ids fed to an Embedding' },
  ],
  arity: { min: 0, max: 0 },
  outputShape: (_inputs, params) => [...(params.shape as number[])],
  targets: {
    keras: { className: 'Input' },
    caffe: { type: 'Input' },
    pytorch: {},
    onnx: { op: 'Input' },
  },
  traits: { reads: 'any' },
};

export const dense: LayerSpec = {
  type: 'Dense',
  category: 'core',
  doc: 'Fully connected layer over the last axis',
  aliases: [
    { text: 'fc' },
    { text: 'dense' },
    { text: 'fully connected' },
    { text: 'fully-connected' },
    { text: 'fully connected layer' },
    { text: 'full' },
    { text: 'linear' },
    { text: 'InnerProduct' },
    { text: 'inner product' },
    { text: 'ip' },
    { text: 'fcn' },
  ],
  prose: {
    kinds: [
      'fully connected',
      'fully-connected',
      'fullyconnected',
      'fc',
      'dense',
      'densely connected',
      'densely-connected',
      'hidden',
      'fully connected hidden',
      'linear',
      'affine',
      'inner product',
      'maxout',
      'densely connected maxout',
      'feed-forward',
      'feedforward',
      'softmax',
      'output',
    ],
    // "passed to a linear projection of 256 dimensions": a fully connected layer named by what it does.
    nouns: ['linear projection'],
    width: {
      param: 'units',
      nouns: [
        'units',
        'hidden units',
        'neurons',
        'nodes',
        'hidden nodes',
        'outputs',
        'rectified linear units',
        'relus',
        'relu units',
        'sigmoid units',
        'logistic units',
        'tanh units',
        'maxout units',
      ],
    },
  },
  patterns: [
    // "FC-4096", "fc4096", "FC 1000"
    { pattern: /^(?:fc|dense|full)\s*-?\s*(\d+)$/i, params: (m) => ({ units: Number(m[1]) }) },
    { pattern: /^(\d+)\s*-?\s*d\s+fc$/i, params: (m) => ({ units: Number(m[1]) }) },
  ],
  params: [unitsParam('units', 'Number of output units'), activationParam, useBiasParam],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape], params) => {
    const units = params.units as number;
    if (inputShape!.length === 1) return [units];
    if (inputShape!.length === 2) return [inputShape![0]!, units];
    throw new ShapeError(`Dense after a ${describe(inputShape!)} tensor needs Flatten first`);
  },
  targets: {
    keras: {
      className: 'Dense',
      args: [
        ['units', 'units'],
        ['activation', 'activation'],
      ],
    },
    caffe: { type: 'InnerProduct' },
    pytorch: {
      module: 'Linear',
      args: [
        ['in_features', ''],
        ['out_features', 'units'],
      ],
    },
    onnx: { op: 'Gemm' },
  },
  traits: { weightLayer: true },
};

export const flatten: LayerSpec = {
  type: 'Flatten',
  category: 'reshape',
  doc: 'Flatten everything but the batch axis to a vector',
  aliases: [{ text: 'flatten' }, { text: 'flat' }, { text: 'reshape to vector' }],
  params: [],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape]) => [product(inputShape!)],
  targets: {
    keras: { className: 'Flatten' },
    caffe: { type: 'Flatten' },
    pytorch: { module: 'Flatten' },
    onnx: { op: 'Flatten' },
  },
  traits: { reads: 'any' },
};

export const dropout: LayerSpec = {
  type: 'Dropout',
  category: 'core',
  doc: 'Randomly zero a fraction of activations while training',
  aliases: [{ text: 'dropout' }, { text: 'drop' }, { text: 'drop out' }],
  patterns: [{ pattern: /^dropout\s*\(?\s*(0?\.\d+)\s*\)?$/i, params: (m) => ({ rate: Number(m[1]) }) }],
  params: [{ name: 'rate', kind: 'float', default: 0.5, min: 0, max: 0.999, doc: 'Fraction of units dropped' }],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape]) => [...inputShape!],
  targets: {
    keras: { className: 'Dropout', args: [['rate', 'rate']] },
    caffe: { type: 'Dropout' },
    pytorch: { module: 'Dropout', args: [['p', 'rate']] },
    onnx: { op: 'Dropout' },
  },
};
