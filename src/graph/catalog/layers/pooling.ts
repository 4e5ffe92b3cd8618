/** Pooling: MaxPool2D, AvgPool2D and their global forms. */
import type { Params, Shape } from '../../types.ts';
import { padding2dParam } from '../common-params.ts';
import { asPair, describe, paddingPerAxis, requireRank, windowOutput } from '../shape-rules.ts';
import { ShapeError, type LayerSpec, type ParamSpec } from '../spec.ts';
import type { LayerTargets } from '../targets.ts';
import { KERAS_POOL_ARGS, TORCH_ADAPTIVE_POOL_ARGS, TORCH_POOL_ARGS } from '../constructorArgs.ts';

const poolParams: ParamSpec[] = [
  { name: 'pool', kind: 'pair', default: [2, 2], min: 1, max: 64, doc: 'Window size [h, w]' },
  { name: 'stride', kind: 'pair', default: (p) => p.pool ?? [2, 2], min: 1, max: 64, doc: 'Stride [h, w]; defaults to the window size' },
  padding2dParam,
  { name: 'ceil_mode', kind: 'bool', default: false, doc: 'Round the output size up, as Caffe does' },
];

function poolOutput(input: Shape, params: Params, what: string): Shape {
  requireRank(input, [3], what);
  const [kh, kw] = asPair(params.pool!);
  const [sh, sw] = asPair(params.stride!);
  const [ph, pw] = paddingPerAxis(params.padding!);
  const ceil = params.ceil_mode as boolean;
  // PyTorch and ONNX runtimes refuse pads wider than half the window; Caffe's own limit is the whole window.
  for (const [pad, size] of [
    [ph, kh],
    [pw, kw],
  ] as const) {
    if (typeof pad === 'number' && pad > Math.floor(size / 2)) {
      throw new ShapeError(`${what} padding ${pad} must be at most half the [${kh},${kw}] window`, 'padding');
    }
  }
  const h = windowOutput(input[0]!, kh, sh, ph, 1, ceil);
  const w = windowOutput(input[1]!, kw, sw, pw, 1, ceil);
  if (h < 1 || w < 1) throw new ShapeError(`${what} window [${kh},${kw}] is larger than its ${describe(input)} input`, 'pool');
  return [h, w, input[2]!];
}

function windowPool(type: string, kind: 'max' | 'average', aliases: string[], kinds: string[], targets: LayerTargets): LayerSpec {
  return {
    type,
    category: 'pooling',
    doc: `${kind === 'max' ? 'Max' : 'Average'} pooling over [H, W, C]`,
    aliases: aliases.map((text) => ({ text })),
    prose: { kinds },
    patterns: [
      // "3x3 max pool, /2" and "2×2 max pool, stride 2" as in table cells.
      {
        pattern: new RegExp(
          `^(\\d+)\\s*[x×]\\s*(\\d+)\\s*${kind === 'max' ? 'max' : 'av(?:era)?g'}\\s*-?\\s*pool\\w*\\s*,?\\s*(?:(?:\\/|stride)\\s*(\\d+))?$`,
          'i',
        ),
        params: (m) => ({ pool: [Number(m[1]), Number(m[2])], ...(m[3] ? { stride: [Number(m[3]), Number(m[3])] } : {}) }),
      },
    ],
    params: poolParams,
    arity: { min: 1, max: 1 },
    outputShape: ([input], params) => poolOutput(input!, params, type),
    targets,
    traits: { window: 'pooling', spatialAxes: 2 },
  };
}

export const maxPool2d = windowPool(
  'MaxPool2D',
  'max',
  ['maxpool', 'max pool', 'max-pool', 'max pooling', 'max-pooling', 'mpool', 'mp', 'maxpooling2d', 'MaxPooling2D', 'pool', 'pooling'],
  ['max-pooling', 'max pooling', 'maxpooling', 'max-pool', 'max pool', 'pooling', 'spatial pooling', 'maxpool', 'pool'],
  {
    keras: {
      className: 'MaxPooling2D',
      args: KERAS_POOL_ARGS,
    },
    caffe: { type: 'Pooling' },
    pytorch: {
      module: 'MaxPool2d',
      args: TORCH_POOL_ARGS,
    },
    onnx: { op: 'MaxPool' },
  },
);

export const avgPool2d = windowPool(
  'AvgPool2D',
  'average',
  // Subsampling layers (the older name) average their window, as in the networks that named them.
  [
    'avgpool',
    'avg pool',
    'avg-pool',
    'average pool',
    'average pooling',
    'avg pooling',
    'apool',
    'averagepooling2d',
    'AveragePooling2D',
    'mean pooling',
    'subsampling',
    'sub-sampling',
  ],
  ['average pooling', 'average-pooling', 'avg pooling', 'avg-pooling', 'mean pooling', 'mean-pooling', 'subsampling', 'sub-sampling'],
  {
    keras: {
      className: 'AveragePooling2D',
      args: KERAS_POOL_ARGS,
    },
    caffe: { type: 'Pooling' },
    pytorch: {
      module: 'AvgPool2d',
      args: TORCH_POOL_ARGS,
    },
    onnx: { op: 'AveragePool' },
  },
);

function globalPool(type: string, kind: 'max' | 'average', aliases: string[], targets: LayerTargets): LayerSpec {
  return {
    type,
    category: 'pooling',
    doc: `Global ${kind} pooling: [H, W, C] → [C]`,
    aliases: aliases.map((text) => ({ text })),
    prose: {
      kinds:
        kind === 'max'
          ? ['global max pooling', 'global max-pooling', 'global maxpooling']
          : ['global average pooling', 'global average-pooling', 'global avg pooling', 'global mean pooling'],
    },
    params: [],
    arity: { min: 1, max: 1 },
    outputShape: ([input]) => {
      requireRank(input!, [3], type);
      return [input![2]!];
    },
    targets,
  };
}

export const globalAvgPool2d = globalPool(
  'GlobalAvgPool2D',
  'average',
  ['global average pooling', 'global avg pool', 'global average pool', 'avg pool global', 'gap', 'GlobalAveragePooling2D', 'global avgpool'],
  {
    keras: { className: 'GlobalAveragePooling2D' },
    caffe: { type: 'Pooling' },
    pytorch: { module: 'AdaptiveAvgPool2d', args: TORCH_ADAPTIVE_POOL_ARGS },
    onnx: { op: 'GlobalAveragePool' },
  },
);

export const globalMaxPool2d = globalPool('GlobalMaxPool2D', 'max', ['global max pooling', 'global max pool', 'GlobalMaxPooling2D', 'global maxpool'], {
  keras: { className: 'GlobalMaxPooling2D' },
  caffe: { type: 'Pooling' },
  pytorch: { module: 'AdaptiveMaxPool2d', args: TORCH_ADAPTIVE_POOL_ARGS },
  onnx: { op: 'GlobalMaxPool' },
});
