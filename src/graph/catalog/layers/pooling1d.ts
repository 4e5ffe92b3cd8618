/**
 * Pooling over a [T, F] sequence: MaxPool1D, AvgPool1D and their global forms (text CNNs' "max-over-time
 * pooling", audio and signal nets). Their words all say time, sequence or 1-D: a bare "max pooling" or
 * "global max pooling" stays the 2-D layer.
 */
import type { Params, Shape } from '../../types.ts';
import { describe, requireRank, windowOutput } from '../shape-rules.ts';
import { ShapeError, type LayerSpec, type ParamSpec } from '../spec.ts';
import type { LayerTargets } from '../targets.ts';
import { KERAS_POOL_ARGS, TORCH_ADAPTIVE_POOL_ARGS, TORCH_POOL_ARGS } from '../constructorArgs.ts';

const pool1dParams: ParamSpec[] = [
  { name: 'pool', kind: 'int', default: 2, min: 1, max: 1024, doc: 'Window length' },
  { name: 'stride', kind: 'int', default: (p) => p.pool ?? 2, min: 1, max: 1024, doc: 'Stride; defaults to the window length' },
  { name: 'padding', kind: 'padding1d', default: 'valid', min: 0, max: 1024, doc: "'valid', 'same', or explicit padding on each side" },
];

function pool1dOutput(input: Shape, params: Params, what: string): Shape {
  requireRank(input, [2], what);
  const pool = params.pool as number;
  const padding = params.padding as 'valid' | 'same' | number;
  // As for the 2-D pools: PyTorch and ONNX runtimes refuse pads wider than half the window.
  if (typeof padding === 'number' && padding > Math.floor(pool / 2)) {
    throw new ShapeError(`${what} padding ${padding} must be at most half the window of ${pool}`, 'padding');
  }
  const steps = windowOutput(input[0]!, pool, params.stride as number, padding);
  if (steps < 1) throw new ShapeError(`${what} window ${pool} is longer than its ${describe(input)} input`, 'pool');
  return [steps, input[1]!];
}

const NO_CAFFE = 'Caffe has no pooling over sequences (it has no 1-D layers)';

function windowPool1d(type: string, kind: 'max' | 'average', aliases: string[], kinds: string[], targets: LayerTargets): LayerSpec {
  return {
    type,
    category: 'pooling',
    doc: `${kind === 'max' ? 'Max' : 'Average'} pooling along the steps of a [T, F] sequence`,
    // Table cells and figure labels read the prose words too.
    aliases: [...aliases, ...kinds].map((text) => ({ text })),
    prose: { kinds },
    params: pool1dParams,
    arity: { min: 1, max: 1 },
    outputShape: ([input], params) => pool1dOutput(input!, params, type),
    targets,
    traits: { window: 'pooling', spatialAxes: 1 },
  };
}

export const maxPool1d = windowPool1d(
  'MaxPool1D',
  'max',
  ['MaxPooling1D', '1d max pool', 'max pool 1d', 'temporal max pool'],
  ['1-d max pooling', '1d max pooling', '1d maxpooling', 'one-dimensional max pooling', 'temporal max pooling'],
  {
    keras: {
      className: 'MaxPooling1D',
      args: KERAS_POOL_ARGS,
    },
    caffe: { unsupported: NO_CAFFE },
    pytorch: {
      module: 'MaxPool1d',
      args: TORCH_POOL_ARGS,
    },
    onnx: { op: 'MaxPool' },
  },
);

export const avgPool1d = windowPool1d(
  'AvgPool1D',
  'average',
  ['AveragePooling1D', '1d avg pool', '1d average pool', 'avg pool 1d', 'temporal avg pooling'],
  ['1-d average pooling', '1d average pooling', '1d avg pooling', 'one-dimensional average pooling', 'temporal average pooling', 'temporal mean pooling'],
  {
    keras: {
      className: 'AveragePooling1D',
      args: KERAS_POOL_ARGS,
    },
    caffe: { unsupported: NO_CAFFE },
    pytorch: {
      module: 'AvgPool1d',
      args: TORCH_POOL_ARGS,
    },
    onnx: { op: 'AveragePool' },
  },
);

function globalPool1d(type: string, kind: 'max' | 'average', aliases: string[], kinds: string[], targets: LayerTargets): LayerSpec {
  return {
    type,
    category: 'pooling',
    doc: `Global ${kind} pooling over time: [T, F] → [F]`,
    // Table cells and figure labels read the prose words too.
    aliases: [...aliases, ...kinds].map((text) => ({ text })),
    prose: { kinds },
    params: [],
    arity: { min: 1, max: 1 },
    outputShape: ([input]) => {
      requireRank(input!, [2], type);
      return [input![1]!];
    },
    targets,
  };
}

// nn.AdaptiveMaxPool1d pools [N, F, T]; the graph holds [N, T, F], so the emitter reduces over the time dim in forward.
// The module is the name papers' code uses for the layer.
export const globalMaxPool1d = globalPool1d(
  'GlobalMaxPool1D',
  'max',
  ['GlobalMaxPooling1D', 'global max pool 1d'],
  ['max-over-time pooling', 'max pooling over time', 'global max pooling over time', 'global temporal max pooling', 'max-over-time'],
  {
    keras: { className: 'GlobalMaxPooling1D' },
    caffe: { unsupported: NO_CAFFE },
    pytorch: { module: 'AdaptiveMaxPool1d', args: TORCH_ADAPTIVE_POOL_ARGS },
    onnx: { op: 'GlobalMaxPool' },
  },
);

export const globalAvgPool1d = globalPool1d(
  'GlobalAvgPool1D',
  'average',
  ['GlobalAveragePooling1D', 'global average pool 1d', 'global avg pool 1d'],
  [
    'average-over-time pooling',
    'average pooling over time',
    'mean-over-time pooling',
    'mean pooling over time',
    'global average pooling over time',
    'global temporal average pooling',
  ],
  {
    keras: { className: 'GlobalAveragePooling1D' },
    caffe: { unsupported: NO_CAFFE },
    pytorch: { module: 'AdaptiveAvgPool1d', args: TORCH_ADAPTIVE_POOL_ARGS },
    onnx: { op: 'GlobalAveragePool' },
  },
);
