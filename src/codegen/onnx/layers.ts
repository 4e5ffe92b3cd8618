/** One lowering per graph layer type: the ONNX nodes and initializers (opset 17) that compute it. */
import {
  onnxOp,
  defaultActivationAlpha,
  samePadding,
  type Layer,
  type LoweredLayerType,
  type Params,
  type Shape,
  type Unsupported,
} from '../../graph/index.ts';
import type { WeightInit } from '../weights.ts';
import { dotProductAttention, multiHeadAttention } from './attention.ts';
import type { OnnxGraphBuilder } from './builder.ts';
import { fromChannelsLastPerm, permutePerm, storedAxis, toChannelsLastPerm } from './layout.ts';

export interface Tensor {
  name: string;
  /** The graph's channels-last shape without batch. */
  shape: Shape;
  /** Holds int32 token ids rather than floats. */
  integer?: boolean;
}

export interface LoweringContext {
  layer: Layer;
  params: Params;
  /** The layer's identifier, also the name its output tensor gets. */
  name: string;
  inputs: Tensor[];
  target: Shape;
  builder: OnnxGraphBuilder;
  /** A fresh intermediate tensor name `<name>/<suffix>`. */
  tmp: (suffix: string) => string;
  /** Types of the layers that read this layer's output (worked out on first use: few lowerings ask). */
  consumerTypes: () => string[];
}

/** Returns the tensor holding the layer's output. */
export type Lowering = (context: LoweringContext) => string;

const RELU_LIKE = new Set(['relu', 'leaky_relu', 'prelu', 'elu', 'gelu']);

function pair(value: unknown): [number, number] {
  const [a, b] = value as number[];
  return [a!, b!];
}

function weightInit(activation: string, fanIn: number, fanOut: number): WeightInit {
  return RELU_LIKE.has(activation) ? { kind: 'he', fanIn } : { kind: 'xavier', fanIn, fanOut };
}

/** [begin, end] padding of one axis as Keras computes it ('same' puts the odd pixel at the end). */
function axisPads(size: number, kernel: number, stride: number, dilation: number, padding: unknown): [number, number] {
  if (padding === 'valid') return [0, 0];
  if (typeof padding === 'number') return [padding, padding];
  return samePadding(size, kernel, stride, dilation);
}

function perAxisPadding(padding: unknown): [unknown, unknown] {
  if (padding === 'valid' || padding === 'same') return [padding, padding];
  return pair(padding);
}

function transpose(context: LoweringContext, tensor: string, perm: number[] | undefined, suffix: string): string {
  return perm ? context.builder.node('Transpose', [tensor], context.tmp(suffix), { perm }) : tensor;
}

/** An element-wise non-linearity; softmax runs over the channel axis. */
function applyActivation(context: LoweringContext, fn: string, alpha: number, tensor: string, shape: Shape): string {
  const { builder, name, tmp } = context;
  const rank = shape.length;
  if (fn === 'linear') return tensor;
  const op = onnxOp('Activation', { fn });
  switch (fn) {
    case 'leaky_relu':
    case 'elu':
      return builder.node(op, [tensor], tmp(fn), { alpha: { float: alpha } });
    case 'prelu': {
      const channels = shape[rank - 1]!;
      const slopeShape = rank === 3 ? [channels, 1, 1] : [channels];
      const slope = builder.weight(`${name}.slope`, slopeShape, { kind: 'constant', value: 0.25 });
      return builder.node(op, [tensor, slope], tmp(fn));
    }
    case 'softmax':
      return builder.node(op, [tensor], tmp(fn), { axis: storedAxis(-1, rank) });
    case 'gelu': {
      // x * 0.5 * (1 + erf(x / sqrt 2)), around the catalog's op (Erf).
      const scaled = builder.node('Div', [tensor, builder.floats([Math.SQRT2], [])], tmp('gelu_scaled'));
      const erf = builder.node(op, [scaled], tmp('gelu_erf'));
      const shifted = builder.node('Add', [erf, builder.floats([1], [])], tmp('gelu_shifted'));
      const gated = builder.node('Mul', [tensor, shifted], tmp('gelu_gated'));
      return builder.node('Mul', [gated, builder.floats([0.5], [])], tmp('gelu'));
    }
    default:
      return builder.node(op, [tensor], tmp(fn));
  }
}

function withActivation(context: LoweringContext, tensor: string): string {
  const fn = context.params.activation as string;
  return applyActivation(context, fn, defaultActivationAlpha(fn), tensor, context.target);
}

function convolution(context: LoweringContext, filters: number, group: number): string {
  const { params, name, inputs, builder, tmp } = context;
  const [input] = inputs;
  const [h, w, channels] = input!.shape;
  const [kh, kw] = pair(params.kernel);
  const [sh, sw] = pair(params.stride);
  const [dh, dw] = pair(params.dilation ?? [1, 1]);
  const [padH, padW] = perAxisPadding(params.padding);
  const [top, bottom] = axisPads(h!, kh, sh, dh, padH);
  const [left, right] = axisPads(w!, kw, sw, dw, padW);
  const fanIn = (channels! / group) * kh * kw;
  const weight = builder.weight(
    `${name}.weight`,
    [filters, channels! / group, kh, kw],
    weightInit(params.activation as string, fanIn, (filters / group) * kh * kw),
  );
  const bias = params.use_bias ? [builder.weight(`${name}.bias`, [filters], { kind: 'constant', value: 0 })] : [];
  const conv = builder.node(onnxOp('Conv2D'), [input!.name, weight, ...bias], tmp('conv'), {
    kernel_shape: [kh, kw],
    strides: [sh, sw],
    pads: [top, left, bottom, right],
    dilations: [dh, dw],
    group,
  });
  return withActivation(context, conv);
}

const conv2d: Lowering = (context) => convolution(context, context.params.filters as number, context.params.groups as number);

const depthwiseConv2d: Lowering = (context) => {
  const channels = context.inputs[0]!.shape[2]!;
  return convolution(context, channels * (context.params.depth_multiplier as number), channels);
};

/** Conv1D on a [N, T, F] sequence: ONNX convolves channels-first, so transpose around a 1-D Conv. */
const conv1d: Lowering = (context) => {
  const { params, name, inputs, builder, tmp } = context;
  const [steps, features] = inputs[0]!.shape;
  const filters = params.filters as number;
  const group = params.groups as number;
  const kernel = params.kernel as number;
  const stride = params.stride as number;
  const dilation = params.dilation as number;
  const [begin, end] = axisPads(steps!, kernel, stride, dilation, params.padding);
  const channelsFirst = transpose(context, inputs[0]!.name, [0, 2, 1], 'channels_first');
  const fanIn = (features! / group) * kernel;
  const weight = builder.weight(
    `${name}.weight`,
    [filters, features! / group, kernel],
    weightInit(params.activation as string, fanIn, (filters / group) * kernel),
  );
  const bias = params.use_bias ? [builder.weight(`${name}.bias`, [filters], { kind: 'constant', value: 0 })] : [];
  const conv = builder.node(onnxOp('Conv1D'), [channelsFirst, weight, ...bias], tmp('conv'), {
    kernel_shape: [kernel],
    strides: [stride],
    pads: [begin, end],
    dilations: [dilation],
    group,
  });
  return withActivation(context, transpose(context, conv, [0, 2, 1], 'channels_last'));
};

const conv2dTranspose: Lowering = (context) => {
  const { params, name, inputs, builder, tmp } = context;
  const channels = inputs[0]!.shape[2]!;
  const filters = params.filters as number;
  const [kh, kw] = pair(params.kernel);
  const [sh, sw] = pair(params.stride);
  const [padH, padW] = perAxisPadding(params.padding);
  // 'same' means output = input × stride: crop kernel − stride, or add output_padding when the kernel is smaller.
  const axis = (kernel: number, stride: number, padding: unknown): { pads: [number, number]; extra: number } => {
    if (padding === 'valid') return { pads: [0, 0], extra: 0 };
    if (typeof padding === 'number') return { pads: [padding, padding], extra: 0 };
    const total = kernel - stride;
    if (total < 0) return { pads: [0, 0], extra: -total };
    return { pads: [Math.floor(total / 2), total - Math.floor(total / 2)], extra: 0 };
  };
  const rows = axis(kh, sh, padH);
  const cols = axis(kw, sw, padW);
  const weight = builder.weight(`${name}.weight`, [channels, filters, kh, kw], weightInit(params.activation as string, channels * kh * kw, filters * kh * kw));
  const bias = params.use_bias ? [builder.weight(`${name}.bias`, [filters], { kind: 'constant', value: 0 })] : [];
  const deconv = builder.node(onnxOp('Conv2DTranspose'), [inputs[0]!.name, weight, ...bias], tmp('deconv'), {
    kernel_shape: [kh, kw],
    strides: [sh, sw],
    pads: [rows.pads[0], cols.pads[0], rows.pads[1], cols.pads[1]],
    output_padding: rows.extra || cols.extra ? [rows.extra, cols.extra] : undefined,
  });
  return withActivation(context, deconv);
};

/**
 * Pads [begin, end] that give the graph's pooled size with ONNX's floor rounding. Ceil rounding (as in
 * Caffe) becomes extra end padding: onnxruntime's ceil_mode keeps a last window starting in the
 * padding, which Caffe and the graph drop, and padding is never part of a max or (count_include_pad=0) average.
 */
function poolPads(size: number, kernel: number, stride: number, padding: unknown, target: number): [number, number] {
  const [begin, end] = axisPads(size, kernel, stride, 1, padding);
  return [begin, Math.max(end, (target - 1) * stride + kernel - size - begin)];
}

function windowPool(op: string): Lowering {
  return ({ params, inputs, target, builder, tmp }) => {
    const [h, w] = inputs[0]!.shape;
    const [kh, kw] = pair(params.pool);
    const [sh, sw] = pair(params.stride);
    const [padH, padW] = perAxisPadding(params.padding);
    const [top, bottom] = poolPads(h!, kh, sh, padH, target[0]!);
    const [left, right] = poolPads(w!, kw, sw, padW, target[1]!);
    return builder.node(op, [inputs[0]!.name], tmp('pool'), { kernel_shape: [kh, kw], strides: [sh, sw], pads: [top, left, bottom, right] });
  };
}

function globalPool(op: string): Lowering {
  return ({ inputs, builder, tmp }) => {
    const pooled = builder.node(op, [inputs[0]!.name], tmp('pool'));
    return builder.node('Flatten', [pooled], tmp('flatten'), { axis: 1 });
  };
}

/**
 * A pool along the steps of a [N, T, F] sequence: ONNX pools channels-first, so transpose around a 1-D
 * MaxPool / AveragePool. An average counts explicit padding (as PyTorch and Keras' zero padding do), never "same" padding.
 */
function windowPool1d(op: string, kind: 'max' | 'avg'): Lowering {
  return (context) => {
    const { params, inputs, builder, tmp } = context;
    const pool = params.pool as number;
    const stride = params.stride as number;
    const channelsFirst = transpose(context, inputs[0]!.name, [0, 2, 1], 'channels_first');
    const pooled = builder.node(op, [channelsFirst], tmp('pool'), {
      kernel_shape: [pool],
      strides: [stride],
      pads: axisPads(inputs[0]!.shape[0]!, pool, stride, 1, params.padding),
      count_include_pad: kind === 'avg' && typeof params.padding === 'number' ? 1 : undefined,
    });
    return transpose(context, pooled, [0, 2, 1], 'channels_last');
  };
}

/** Global pooling of a [N, T, F] sequence over T: the global pool of its channels-first transpose, [N, F, 1] flattened. */
function globalPool1d(op: string): Lowering {
  return (context) => {
    const { inputs, builder, tmp } = context;
    const pooled = builder.node(op, [transpose(context, inputs[0]!.name, [0, 2, 1], 'channels_first')], tmp('pool'));
    return builder.node('Flatten', [pooled], tmp('flatten'), { axis: 1 });
  };
}

const dense: Lowering = (context) => {
  const { params, name, inputs, builder, tmp } = context;
  const [input] = inputs;
  const units = params.units as number;
  const features = input!.shape[input!.shape.length - 1]!;
  const init = weightInit(params.activation as string, features, units);
  const bias = params.use_bias ? [builder.weight(`${name}.bias`, [units], { kind: 'constant', value: 0 })] : [];
  if (input!.shape.length === 1) {
    const weight = builder.weight(`${name}.weight`, [units, features], init);
    return withActivation(context, builder.node(onnxOp('Dense'), [input!.name, weight, ...bias], tmp('gemm'), { transB: 1 }));
  }
  // Per time step on [N, T, F].
  const weight = builder.weight(`${name}.weight`, [features, units], init);
  const product = builder.node('MatMul', [input!.name, weight], tmp('matmul'));
  return withActivation(context, bias.length ? builder.node('Add', [product, bias[0]!], tmp('bias')) : product);
};

const flatten: Lowering = ({ inputs, builder, tmp }) => builder.node(onnxOp('Flatten'), [inputs[0]!.name], tmp('flatten'), { axis: 1 });

/** Dropout does nothing at inference. */
const dropout: Lowering = ({ inputs }) => inputs[0]!.name;

const batchNorm: Lowering = (context) => {
  const { params, name, inputs, builder, tmp } = context;
  const shape = inputs[0]!.shape;
  const channels = shape[shape.length - 1]!;
  // BatchNormalization wants channels on axis 1; a [N, T, F] sequence has them last.
  const sequence = shape.length === 2;
  const source = sequence ? transpose(context, inputs[0]!.name, [0, 2, 1], 'channels_first') : inputs[0]!.name;
  const normalised = builder.node(
    'BatchNormalization',
    [
      source,
      builder.weight(`${name}.gamma`, [channels], { kind: 'constant', value: 1 }),
      builder.weight(`${name}.beta`, [channels], { kind: 'constant', value: 0 }),
      builder.weight(`${name}.running_mean`, [channels], { kind: 'constant', value: 0 }),
      builder.weight(`${name}.running_var`, [channels], { kind: 'constant', value: 1 }),
    ],
    tmp('bn'),
    { epsilon: { float: params.epsilon as number }, momentum: { float: params.momentum as number } },
  );
  return sequence ? transpose(context, normalised, [0, 2, 1], 'channels_last') : normalised;
};

/** Several inputs are summed, then normalised. */
const layerNorm: Lowering = (context) => {
  const { params, name, inputs, builder, tmp } = context;
  const shape = inputs[0]!.shape;
  const features = shape[shape.length - 1]!;
  const sum =
    inputs.length === 1
      ? inputs[0]!.name
      : builder.node(
          'Sum',
          inputs.map((input) => input.name),
          tmp('sum'),
        );
  const source = transpose(context, sum, toChannelsLastPerm(shape.length), 'channels_last');
  const normalised = builder.node(
    onnxOp('LayerNorm'),
    [
      source,
      builder.weight(`${name}.gamma`, [features], { kind: 'constant', value: 1 }),
      builder.weight(`${name}.beta`, [features], { kind: 'constant', value: 0 }),
    ],
    tmp('ln'),
    { axis: -1, epsilon: { float: params.epsilon as number } },
  );
  return transpose(context, normalised, fromChannelsLastPerm(shape.length), 'channels_first');
};

const lrn: Lowering = ({ params, inputs, builder, tmp }) =>
  builder.node(onnxOp('LRN'), [inputs[0]!.name], tmp('lrn'), {
    size: params.size as number,
    alpha: { float: params.alpha as number },
    beta: { float: params.beta as number },
    bias: { float: params.k as number },
  });

const activation: Lowering = (context) =>
  applyActivation(context, context.params.fn as string, context.params.alpha as number, context.inputs[0]!.name, context.target);

const POOLS = new Set(['MaxPool2D', 'AvgPool2D']);

/**
 * Pad with zeros. Before a pooling layer, a fixed 1×1 depthwise Conv does the padding instead:
 * onnxruntime fuses Pad into a following pool, where MaxPool then pads with -inf rather than zeros
 * and any pool fails to load once the pad reaches the window size.
 */
const zeroPadding2d: Lowering = ({ params, name, inputs, target, builder, tmp, consumerTypes }) => {
  const [ph, pw] = pair(params.padding);
  if (!consumerTypes().some((type) => POOLS.has(type))) {
    return builder.node(onnxOp('ZeroPadding2D'), [inputs[0]!.name, builder.int64s([0, 0, ph, pw, 0, 0, ph, pw])], tmp('pad'), { mode: 'constant' });
  }
  const channels = target[2]!;
  const ones = builder.weight(`${name}.weight`, [channels, 1, 1, 1], { kind: 'constant', value: 1 });
  return builder.node('Conv', [inputs[0]!.name, ones], tmp('pad'), { kernel_shape: [1, 1], pads: [ph, pw, ph, pw], group: channels });
};

/** Keras' nearest repeats pixels (asymmetric, floor); its bilinear samples pixel centres (half_pixel). */
const upSampling2d: Lowering = ({ params, inputs, builder, tmp }) => {
  const [sh, sw] = pair(params.size);
  const nearest = params.interpolation === 'nearest';
  return builder.node(onnxOp('UpSampling2D'), [inputs[0]!.name, '', builder.floats([1, 1, sh, sw])], tmp('resize'), {
    mode: nearest ? 'nearest' : 'linear',
    coordinate_transformation_mode: nearest ? 'asymmetric' : 'half_pixel',
    nearest_mode: nearest ? 'floor' : undefined,
  });
};

const cropping2d: Lowering = ({ params, inputs, target, builder, tmp }) => {
  const [top, , left] = params.cropping as number[];
  const starts = builder.int64s([top!, left!]);
  const ends = builder.int64s([top! + target[0]!, left! + target[1]!]);
  return builder.node(onnxOp('Cropping2D'), [inputs[0]!.name, starts, ends, builder.int64s([2, 3])], tmp('crop'));
};

const concat: Lowering = ({ params, inputs, builder, tmp }) =>
  builder.node(
    onnxOp('Concat'),
    inputs.map((input) => input.name),
    tmp('concat'),
    { axis: storedAxis(params.axis as number, inputs[0]!.shape.length) },
  );

const add: Lowering = ({ inputs, builder, tmp }) =>
  builder.node(
    inputs.length === 2 ? onnxOp('Add') : 'Sum',
    inputs.map((input) => input.name),
    tmp('sum'),
  );

const multiply: Lowering = ({ inputs, builder, tmp }) =>
  inputs.slice(1).reduce((product, input) => builder.node(onnxOp('Multiply'), [product, input.name], tmp('mul')), inputs[0]!.name);

const embedding: Lowering = ({ params, name, inputs, builder, tmp }) => {
  const vocab = params.vocab as number;
  const dim = params.dim as number;
  const table = builder.weight(`${name}.weight`, [vocab, dim], { kind: 'xavier', fanIn: vocab, fanOut: dim });
  return builder.node(onnxOp('Embedding'), [table, inputs[0]!.name], tmp('gather'), { axis: 0 });
};

/** Reshape acts on channels-last order, as in Keras; 0 keeps the batch axis. */
const reshape: Lowering = (context) => {
  const { inputs, target, builder, tmp } = context;
  const rank = inputs[0]!.shape.length;
  const source = transpose(context, inputs[0]!.name, toChannelsLastPerm(rank), 'channels_last');
  const reshaped = builder.node(onnxOp('Reshape'), [source, builder.int64s([0, ...target])], tmp('reshape'));
  return transpose(context, reshaped, fromChannelsLastPerm(target.length), 'channels_first');
};

const permute: Lowering = ({ params, inputs, builder, tmp }) =>
  builder.node(onnxOp('Permute'), [inputs[0]!.name], tmp('transpose'), { perm: permutePerm(params.dims as number[]) });

const GATES: Record<string, number> = { LSTM: 4, GRU: 3, SimpleRNN: 1 };
const OPS: Record<string, string> = { LSTM: 'LSTM', GRU: 'GRU', SimpleRNN: 'RNN' };

/**
 * ONNX recurrent ops are time-major [T, N, F] with a direction axis in their outputs; onnxruntime
 * does not run the batch-major layout, so transpose in and out.
 */
function recurrent(context: LoweringContext, cell: string, directions: 1 | 2, merge: 'concat' | 'sum'): string {
  const { params, name, inputs, builder, tmp } = context;
  const features = inputs[0]!.shape[1]!;
  const units = params.units as number;
  const gates = GATES[cell]!;
  const timeMajor = transpose(context, inputs[0]!.name, [1, 0, 2], 'time_major');
  const weights = [
    builder.weight(`${name}.W`, [directions, gates * units, features], { kind: 'xavier', fanIn: features, fanOut: gates * units }),
    builder.weight(`${name}.R`, [directions, gates * units, units], { kind: 'xavier', fanIn: units, fanOut: gates * units }),
    builder.weight(`${name}.B`, [directions, 2 * gates * units], { kind: 'constant', value: 0 }),
  ];
  const attributes = {
    hidden_size: units,
    direction: directions === 2 ? 'bidirectional' : undefined,
    // Keras' and PyTorch's GRU apply the reset gate after the recurrent matmul.
    linear_before_reset: cell === 'GRU' ? 1 : undefined,
  };
  if (params.return_sequences) {
    const y = builder.node(OPS[cell]!, [timeMajor, ...weights], tmp('y'), attributes); // [T, D, N, H]
    if (directions === 1) {
      const squeezed = builder.node('Squeeze', [y, builder.int64s([1])], tmp('squeeze'));
      return transpose(context, squeezed, [1, 0, 2], 'batch_major');
    }
    if (merge === 'sum') {
      const summed = builder.node('ReduceSum', [y, builder.int64s([1])], tmp('sum'), { keepdims: 0 });
      return transpose(context, summed, [1, 0, 2], 'batch_major');
    }
    const batchMajor = transpose(context, y, [2, 0, 1, 3], 'batch_major'); // [N, T, D, H]
    return builder.node('Reshape', [batchMajor, builder.int64s([0, 0, -1])], tmp('concat'));
  }
  const outputs = tmp('y_h');
  builder.node(OPS[cell]!, [timeMajor, ...weights], '', attributes, [outputs]); // Y_h: [D, N, H]
  if (directions === 1) return builder.node('Squeeze', [outputs, builder.int64s([0])], tmp('squeeze'));
  if (merge === 'sum') return builder.node('ReduceSum', [outputs, builder.int64s([0])], tmp('sum'), { keepdims: 0 });
  const batchMajor = transpose(context, outputs, [1, 0, 2], 'batch_major');
  return builder.node('Reshape', [batchMajor, builder.int64s([0, -1])], tmp('concat'));
}

/** One recurrent layer, one or two directions as its params say. */
const recurrentOf =
  (cell: string): Lowering =>
  (context) =>
    recurrent(context, cell, context.params.bidirectional ? 2 : 1, context.params.merge === 'sum' ? 'sum' : 'concat');

/** Every layer type's ONNX nodes; a new catalog type fails to compile here until it is given one. */
export const ONNX_LOWERINGS: Record<LoweredLayerType, Lowering | Unsupported> = {
  Conv1D: conv1d,
  Conv2D: conv2d,
  DepthwiseConv2D: depthwiseConv2d,
  Conv2DTranspose: conv2dTranspose,
  MaxPool2D: windowPool(onnxOp('MaxPool2D')),
  AvgPool2D: windowPool(onnxOp('AvgPool2D')),
  GlobalAvgPool2D: globalPool(onnxOp('GlobalAvgPool2D')),
  GlobalMaxPool2D: globalPool(onnxOp('GlobalMaxPool2D')),
  MaxPool1D: windowPool1d(onnxOp('MaxPool1D'), 'max'),
  AvgPool1D: windowPool1d(onnxOp('AvgPool1D'), 'avg'),
  GlobalMaxPool1D: globalPool1d(onnxOp('GlobalMaxPool1D')),
  GlobalAvgPool1D: globalPool1d(onnxOp('GlobalAvgPool1D')),
  Dense: dense,
  Flatten: flatten,
  Dropout: dropout,
  BatchNorm: batchNorm,
  LayerNorm: layerNorm,
  LRN: lrn,
  Activation: activation,
  ZeroPadding2D: zeroPadding2d,
  UpSampling2D: upSampling2d,
  Cropping2D: cropping2d,
  Concat: concat,
  Add: add,
  Multiply: multiply,
  Embedding: embedding,
  Reshape: reshape,
  Permute: permute,
  SimpleRNN: recurrentOf('SimpleRNN'),
  LSTM: recurrentOf('LSTM'),
  GRU: recurrentOf('GRU'),
  MultiHeadAttention: multiHeadAttention,
  DotProductAttention: dotProductAttention,
};
