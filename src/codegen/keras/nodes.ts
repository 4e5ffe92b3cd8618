/**
 * A graph → Keras layer nodes, once, for both outputs: the Python source (Keras 3 arguments) and
 * the `model.to_json()` document (Keras 2.x configs that TensorFlow.js loads). A graph layer may
 * become several nodes when Keras needs help: explicit padding, Caffe's ceil rounding, a separate
 * LeakyReLU/PReLU activation.
 */
import { inferShapes, isUnsupported, getSpec, resolveParams, type Graph, type Layer, type Params, type Shape } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { pythonLayerNames } from '../dataflow.ts';
import { toIdentifier } from '../naming.ts';
import { samePadding } from '../same-padding.ts';
import { PyCode, PyTuple, pyComment, pyKwargs, pyValue, type PyValue } from '../python.ts';

export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface KerasNode {
  /** Keras layer name, unique in the model. */
  name: string;
  /** The graph layer this node belongs to. */
  layerId: string;
  /** Class in `keras.layers`, or the file's own class when `local`. */
  className: string;
  local?: boolean;
  /** Python constructor arguments: positional, then keyword (without name). */
  args: PyValue[];
  kwargs: Record<string, PyValue | undefined>;
  /** Class name in the JSON document, when it differs (never, so far: kept for clarity). */
  jsonClassName: string;
  /** Keras 2.x config without name / trainable / dtype. */
  config: Record<string, JsonValue>;
  /** Names of the nodes feeding this one. */
  inputs: string[];
  /** How Python calls the layer: on one tensor, a list (merges) or positional tensors (attention). */
  call: 'single' | 'list' | 'positional';
  /** Comment lines written above the Python line. */
  comments: string[];
  /** Why TensorFlow.js cannot load this node; the JSON emitter refuses it. */
  jsonUnsupported?: string;
}

export interface KerasInput {
  name: string;
  layerId: string;
  shape: Shape;
  dtype: 'float32' | 'int32';
}

export interface KerasModel {
  inputs: KerasInput[];
  nodes: KerasNode[];
  /** Node name producing each graph layer's output. */
  outputOf: Map<string, string>;
  /** Graph layers whose output nobody reads, in graph order. */
  outputs: string[];
  /** True when the Python file needs its LocalResponseNormalization class. */
  usesLrn: boolean;
}

type Pair = [number, number];

function pair(value: unknown): Pair {
  return typeof value === 'number' ? [value, value] : [(value as number[])[0]!, (value as number[])[1]!];
}

function pairValue([h, w]: Pair): PyValue {
  return h === w ? h : new PyTuple([h, w]);
}

const GLOROT: JsonValue = { class_name: 'GlorotUniform', config: { seed: null } };
const ZEROS: JsonValue = { class_name: 'Zeros', config: {} };
const ONES: JsonValue = { class_name: 'Ones', config: {} };
const NO_REGULARISATION = { kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null };

/** Activations Keras and TensorFlow.js both accept as an `activation=` string. */
const FUSED_ACTIVATIONS = new Set(['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'gelu']);

/** Keras' fixed LeakyReLU slope for an activation param, the catalog's Activation default. */
const LEAKY_SLOPE = 0.3;

interface LayerContext {
  layer: Layer;
  params: Params;
  inShapes: Shape[];
  outShape: Shape;
  /** Node names of the layer's inputs. */
  inputs: string[];
  /** A unique node name: the layer's own name, or the name with a suffix for helper nodes. */
  nodeName: (suffix?: string) => string;
}

class NodeChain {
  readonly nodes: KerasNode[] = [];
  private last: string[];
  constructor(private readonly ctx: LayerContext) {
    this.last = ctx.inputs;
  }

  add(node: Omit<KerasNode, 'inputs' | 'layerId' | 'comments' | 'call' | 'jsonClassName'> & Partial<Pick<KerasNode, 'call' | 'comments' | 'jsonClassName'>>): this {
    this.nodes.push({ call: 'single', comments: [], jsonClassName: node.className, ...node, layerId: this.ctx.layer.id, inputs: this.last });
    this.last = [node.name];
    return this;
  }
}

function zeroPadding(name: string, [[top, bottom], [left, right]]: [Pair, Pair], comments: string[] = []): Parameters<NodeChain['add']>[0] {
  const symmetric = top === bottom && left === right;
  return {
    name,
    className: 'ZeroPadding2D',
    args: [],
    kwargs: { padding: symmetric ? pairValue([top, left]) : new PyTuple([new PyTuple([top, bottom]), new PyTuple([left, right])]) },
    config: { padding: [[top, bottom], [left, right]], data_format: 'channels_last' },
    comments,
  };
}

/** Adds the layer's activation param: fused into the node when Keras has the string, else its own node. */
function activationConfig(ctx: LayerContext): { kwarg: string | undefined; json: string; after?: (chain: NodeChain) => void } {
  const fn = (ctx.params.activation as string | undefined) ?? 'linear';
  if (FUSED_ACTIVATIONS.has(fn)) return { kwarg: fn === 'linear' ? undefined : fn, json: fn };
  return {
    kwarg: undefined,
    json: 'linear',
    after: (chain) => {
      if (fn === 'leaky_relu') chain.add(leakyRelu(ctx.nodeName('leaky_relu'), LEAKY_SLOPE));
      else if (fn === 'prelu') chain.add(prelu(ctx.nodeName('prelu'), ctx.outShape));
      else throw new UnsupportedLayerError('keras', ctx.layer.id, ctx.layer.type, `unknown activation "${fn}"`);
    },
  };
}

function leakyRelu(name: string, slope: number): Parameters<NodeChain['add']>[0] {
  return { name, className: 'LeakyReLU', args: [], kwargs: { negative_slope: slope }, config: { alpha: slope } };
}

/** One slope per channel / feature, as in the PReLU paper (Keras' default would learn one per element). */
function prelu(name: string, shape: Shape): Parameters<NodeChain['add']>[0] {
  const shared = shape.length === 3 ? [1, 2] : shape.length === 2 ? [1] : undefined;
  return {
    name,
    className: 'PReLU',
    args: [],
    kwargs: { shared_axes: shared },
    config: { alpha_initializer: ZEROS, alpha_regularizer: null, alpha_constraint: null, shared_axes: shared ?? null },
  };
}

/** Padding that Keras cannot put on the layer itself, as a ZeroPadding2D in front. */
function explicitPadding(ctx: LayerContext, chain: NodeChain, padding: unknown, kernel: Pair, stride: Pair, dilation: Pair): 'valid' | 'same' {
  if (padding === 'valid' || padding === 'same') return padding;
  const [ph, pw] = pair(padding);
  if (ph === 0 && pw === 0) return 'valid';
  // With stride 1 and a symmetric amount, TensorFlow's "same" pads exactly the same way.
  const sameAxis = (p: number, k: number, s: number, d: number): boolean => s === 1 && 2 * p === d * (k - 1);
  if (sameAxis(ph, kernel[0], stride[0], dilation[0]) && sameAxis(pw, kernel[1], stride[1], dilation[1])) return 'same';
  chain.add(zeroPadding(ctx.nodeName('pad'), [[ph, ph], [pw, pw]]));
  return 'valid';
}

function convConfig(filters: number, kernel: number[], strides: number[], padding: string, dilation: number[], groups: number, activation: string, useBias: boolean): Record<string, JsonValue> {
  return {
    filters,
    kernel_size: kernel,
    strides,
    padding,
    data_format: 'channels_last',
    dilation_rate: dilation,
    groups,
    activation,
    use_bias: useBias,
    kernel_initializer: GLOROT,
    bias_initializer: ZEROS,
    ...NO_REGULARISATION,
  };
}

function conv2d(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = pair(p.kernel);
  let stride = pair(p.stride);
  const dilation = pair(p.dilation);
  const dilatedAndStrided = (dilation[0] > 1 || dilation[1] > 1) && (stride[0] > 1 || stride[1] > 1);
  let padding: 'valid' | 'same';
  if (dilatedAndStrided && p.padding === 'same') {
    // Strided "same" pads differently from the stride-1 "same" convolved below: pad as the strided one would.
    const input = ctx.inShapes[0]!;
    chain.add(zeroPadding(ctx.nodeName('pad'), [samePadding(input[0]!, kernel[0], stride[0], dilation[0]), samePadding(input[1]!, kernel[1], stride[1], dilation[1])]));
    padding = 'valid';
  } else {
    padding = explicitPadding(ctx, chain, p.padding, kernel, stride, dilation);
  }
  const subsample = stride;
  if (dilatedAndStrided) stride = [1, 1];
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: 'Conv2D',
    args: [p.filters as number, pairValue(kernel)],
    kwargs: {
      strides: stride[0] === 1 && stride[1] === 1 ? undefined : pairValue(stride),
      padding: padding === 'valid' ? undefined : padding,
      dilation_rate: dilation[0] === 1 && dilation[1] === 1 ? undefined : pairValue(dilation),
      groups: p.groups === 1 ? undefined : (p.groups as number),
      activation: act.kwarg,
      use_bias: p.use_bias ? undefined : false,
    },
    config: convConfig(p.filters as number, kernel, stride, padding, dilation, p.groups as number, act.json, p.use_bias as boolean),
  });
  if (dilatedAndStrided) {
    chain.add({
      name: ctx.nodeName('stride'),
      className: 'MaxPooling2D',
      args: [],
      kwargs: { pool_size: 1, strides: pairValue(subsample) },
      config: { pool_size: [1, 1], padding: 'valid', strides: subsample, data_format: 'channels_last' },
      comments: [pyComment('Keras convolutions cannot be dilated and strided at once: convolve densely, then keep every stride-th pixel')],
    });
  }
  act.after?.(chain);
  return chain.nodes;
}

function conv1d(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = p.kernel as number;
  let stride = p.stride as number;
  const dilation = p.dilation as number;
  let padding: string = p.padding === 'same' ? 'same' : 'valid';
  if (typeof p.padding === 'number' && p.padding > 0) {
    if (stride === 1 && 2 * p.padding === dilation * (kernel - 1)) padding = 'same';
    else {
      chain.add({
        name: ctx.nodeName('pad'),
        className: 'ZeroPadding1D',
        args: [],
        kwargs: { padding: p.padding },
        config: { padding: [p.padding, p.padding] },
        jsonUnsupported: 'TensorFlow.js has no ZeroPadding1D layer',
      });
    }
  }
  const subsample = stride;
  const dilatedAndStrided = dilation > 1 && stride > 1;
  if (dilatedAndStrided && padding === 'same') {
    // Strided "same" may pad differently from the stride-1 "same" convolved below.
    const [before, after] = samePadding(ctx.inShapes[0]![0]!, kernel, stride, dilation);
    if (before !== Math.floor((dilation * (kernel - 1)) / 2)) {
      chain.add({
        name: ctx.nodeName('pad'),
        className: 'ZeroPadding1D',
        args: [],
        kwargs: { padding: new PyTuple([before, after]) },
        config: { padding: [before, after] },
        jsonUnsupported: 'TensorFlow.js has no ZeroPadding1D layer',
      });
      padding = 'valid';
    }
  }
  if (dilatedAndStrided) stride = 1;
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: 'Conv1D',
    args: [p.filters as number, kernel],
    kwargs: {
      strides: stride === 1 ? undefined : stride,
      padding: padding === 'valid' ? undefined : padding,
      dilation_rate: dilation === 1 ? undefined : dilation,
      groups: p.groups === 1 ? undefined : (p.groups as number),
      activation: act.kwarg,
      use_bias: p.use_bias ? undefined : false,
    },
    config: convConfig(p.filters as number, [kernel], [stride], padding, [dilation], p.groups as number, act.json, p.use_bias as boolean),
  });
  if (dilatedAndStrided) {
    chain.add({
      name: ctx.nodeName('stride'),
      className: 'MaxPooling1D',
      args: [],
      kwargs: { pool_size: 1, strides: subsample },
      config: { pool_size: [1], padding: 'valid', strides: [subsample], data_format: 'channels_last' },
      comments: [pyComment('Keras convolutions cannot be dilated and strided at once: convolve densely, then keep every stride-th step')],
    });
  }
  act.after?.(chain);
  return chain.nodes;
}

function conv2dTranspose(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  const padding = p.padding === 'same' ? 'same' : 'valid';
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: 'Conv2DTranspose',
    args: [p.filters as number, pairValue(kernel)],
    kwargs: {
      strides: pairValue(stride),
      padding: padding === 'valid' ? undefined : padding,
      activation: act.kwarg,
      use_bias: p.use_bias ? undefined : false,
    },
    config: { ...convConfig(p.filters as number, kernel, stride, padding, [1, 1], 1, act.json, p.use_bias as boolean), output_padding: null },
  });
  // Keras' "valid" transpose gives size × stride when the kernel is smaller than the stride; the
  // design means (size - 1) × stride + kernel, and explicit padding crops both sides.
  const [ph, pw] = p.padding === 'valid' || p.padding === 'same' ? [0, 0] : pair(p.padding);
  const extraH = padding === 'valid' ? Math.max(stride[0] - kernel[0], 0) : 0;
  const extraW = padding === 'valid' ? Math.max(stride[1] - kernel[1], 0) : 0;
  if (ph || pw || extraH || extraW) {
    const cropping: [Pair, Pair] = [
      [ph, ph + extraH],
      [pw, pw + extraW],
    ];
    chain.add({
      name: ctx.nodeName('crop'),
      className: 'Cropping2D',
      args: [],
      kwargs: { cropping: new PyTuple(cropping.map((side) => new PyTuple(side))) },
      config: { cropping, data_format: 'channels_last' },
    });
  }
  act.after?.(chain);
  return chain.nodes;
}

function depthwiseConv2d(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  const padding = explicitPadding(ctx, chain, p.padding, kernel, stride, [1, 1]);
  const act = activationConfig(ctx);
  const multiplier = p.depth_multiplier as number;
  chain.add({
    name: ctx.nodeName(),
    className: 'DepthwiseConv2D',
    args: [pairValue(kernel)],
    kwargs: {
      strides: stride[0] === 1 && stride[1] === 1 ? undefined : pairValue(stride),
      padding: padding === 'valid' ? undefined : padding,
      depth_multiplier: multiplier === 1 ? undefined : multiplier,
      activation: act.kwarg,
      use_bias: p.use_bias ? undefined : false,
    },
    config: {
      kernel_size: kernel,
      strides: stride,
      padding,
      data_format: 'channels_last',
      dilation_rate: [1, 1],
      depth_multiplier: multiplier,
      activation: act.json,
      use_bias: p.use_bias as boolean,
      depthwise_initializer: GLOROT,
      bias_initializer: ZEROS,
      depthwise_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      depthwise_constraint: null,
      bias_constraint: null,
    },
  });
  act.after?.(chain);
  return chain.nodes;
}

/** Padding for explicit amounts and Caffe's ceil rounding, which Keras pools cannot express themselves. */
function poolPadding(ctx: LayerContext, kernel: Pair, stride: Pair): [Pair, Pair] | undefined {
  const p = ctx.params;
  if (p.padding === 'same') return undefined;
  const [ph, pw] = p.padding === 'valid' ? [0, 0] : pair(p.padding);
  const input = ctx.inShapes[0]!;
  const [outH, outW] = ctx.outShape;
  // Rows needed below / right so that a valid pool yields the design's (ceil-rounded) size.
  const extraH = Math.max((outH! - 1) * stride[0] + kernel[0] - (input[0]! + 2 * ph), 0);
  const extraW = Math.max((outW! - 1) * stride[1] + kernel[1] - (input[1]! + 2 * pw), 0);
  if (!ph && !pw && !extraH && !extraW) return undefined;
  return [
    [ph, ph + extraH],
    [pw, pw + extraW],
  ];
}

function pool2d(ctx: LayerContext, kind: 'max' | 'avg'): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = pair(p.pool);
  const stride = pair(p.stride);
  const pads = poolPadding(ctx, kernel, stride);
  if (pads) {
    const why = p.ceil_mode ? "Caffe's ceil rounding" : 'explicit padding';
    const note =
      kind === 'max'
        ? ' (zeros, where Caffe pads max pooling with -inf: the same after a ReLU)'
        : p.ceil_mode
          ? ' (the last windows then also average the added zeros, which Caffe leaves out)'
          : '';
    chain.add(zeroPadding(ctx.nodeName('pad'), pads, [pyComment(`${why} as zero padding${note}`)]));
  }
  const padding = p.padding === 'same' ? 'same' : 'valid';
  chain.add({
    name: ctx.nodeName(),
    className: kind === 'max' ? 'MaxPooling2D' : 'AveragePooling2D',
    args: [pairValue(kernel)],
    kwargs: {
      strides: stride[0] === kernel[0] && stride[1] === kernel[1] ? undefined : pairValue(stride),
      padding: padding === 'valid' ? undefined : padding,
    },
    config: { pool_size: kernel, padding, strides: stride, data_format: 'channels_last' },
  });
  return chain.nodes;
}

function dense(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: 'Dense',
    args: [p.units as number],
    kwargs: { activation: act.kwarg, use_bias: p.use_bias ? undefined : false },
    config: { units: p.units as number, activation: act.json, use_bias: p.use_bias as boolean, kernel_initializer: GLOROT, bias_initializer: ZEROS, ...NO_REGULARISATION },
  });
  act.after?.(chain);
  return chain.nodes;
}

function activationLayer(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const name = ctx.nodeName();
  const alpha = p.alpha as number;
  switch (p.fn) {
    case 'leaky_relu':
      return chain.add(leakyRelu(name, alpha)).nodes;
    case 'prelu':
      return chain.add(prelu(name, ctx.inShapes[0]!)).nodes;
    case 'elu':
      if (alpha !== 1) {
        return chain.add({
          name,
          className: 'ELU',
          args: [],
          kwargs: { alpha },
          config: { alpha },
          jsonUnsupported: `TensorFlow.js' ELU layer only supports alpha 1 (layer has ${alpha})`,
        }).nodes;
      }
      break;
  }
  const fn = p.fn as string;
  if (!FUSED_ACTIVATIONS.has(fn)) throw new UnsupportedLayerError('keras', ctx.layer.id, ctx.layer.type, `unknown activation "${fn}"`);
  return chain.add({ name, className: 'Activation', args: [fn], kwargs: {}, config: { activation: fn } }).nodes;
}

function rnnConfig(cell: string, params: Params): { kwargs: Record<string, PyValue | undefined>; config: Record<string, JsonValue> } {
  const units = params.units as number;
  const returnSequences = params.return_sequences as boolean;
  const gated = cell !== 'SimpleRNN';
  return {
    kwargs: { return_sequences: returnSequences || undefined },
    config: {
      return_sequences: returnSequences,
      return_state: false,
      go_backwards: false,
      stateful: false,
      unroll: false,
      time_major: false,
      units,
      activation: 'tanh',
      ...(gated ? { recurrent_activation: 'sigmoid' } : {}),
      use_bias: true,
      kernel_initializer: GLOROT,
      recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1, seed: null } },
      bias_initializer: ZEROS,
      ...(cell === 'LSTM' ? { unit_forget_bias: true } : {}),
      kernel_regularizer: null,
      recurrent_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      recurrent_constraint: null,
      bias_constraint: null,
      dropout: 0,
      recurrent_dropout: 0,
      ...(gated ? { implementation: 2 } : {}),
      // GRU's reset_after (Keras' default) is left out: TensorFlow.js only implements the original GRU.
    },
  };
}

function recurrent(ctx: LayerContext, cell: string): KerasNode[] {
  const { kwargs, config } = rnnConfig(cell, ctx.params);
  return new NodeChain(ctx).add({ name: ctx.nodeName(), className: cell, args: [ctx.params.units as number], kwargs, config }).nodes;
}

function bidirectional(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const cell = p.cell as string;
  const { kwargs, config } = rnnConfig(cell, p);
  const inner = `layers.${cell}(${[pyValue(p.units as number), pyKwargs(kwargs)].filter(Boolean).join(', ')})`;
  const name = ctx.nodeName();
  return new NodeChain(ctx).add({
    name,
    className: 'Bidirectional',
    args: [new PyCode(inner)],
    kwargs: { merge_mode: p.merge === 'concat' ? undefined : (p.merge as string) },
    config: { layer: { class_name: cell, config: { name: `${name}_${cell.toLowerCase()}`, trainable: true, dtype: 'float32', ...config } }, merge_mode: p.merge as string },
  }).nodes;
}

function simple(ctx: LayerContext, className: string, args: PyValue[], kwargs: Record<string, PyValue | undefined>, config: Record<string, JsonValue>, call: KerasNode['call'] = 'single'): KerasNode[] {
  return new NodeChain(ctx).add({ name: ctx.nodeName(), className, args, kwargs, config, call }).nodes;
}

function layerNodes(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const type = ctx.layer.type;
  const spec = getSpec(type);
  if (spec && isUnsupported(spec.targets.keras) && type !== 'LRN') {
    throw new UnsupportedLayerError('keras', ctx.layer.id, type, spec.targets.keras.unsupported);
  }
  switch (type) {
    case 'Conv2D':
      return conv2d(ctx);
    case 'Conv1D':
      return conv1d(ctx);
    case 'Conv2DTranspose':
      return conv2dTranspose(ctx);
    case 'DepthwiseConv2D':
      return depthwiseConv2d(ctx);
    case 'MaxPool2D':
      return pool2d(ctx, 'max');
    case 'AvgPool2D':
      return pool2d(ctx, 'avg');
    case 'GlobalAvgPool2D':
      return simple(ctx, 'GlobalAveragePooling2D', [], {}, { data_format: 'channels_last', keepdims: false });
    case 'GlobalMaxPool2D':
      return simple(ctx, 'GlobalMaxPooling2D', [], {}, { data_format: 'channels_last', keepdims: false });
    case 'Dense':
      return dense(ctx);
    case 'Flatten':
      return simple(ctx, 'Flatten', [], {}, { data_format: 'channels_last' });
    case 'Dropout':
      return simple(ctx, 'Dropout', [p.rate as number], {}, { rate: p.rate as number, noise_shape: null, seed: null });
    case 'BatchNorm':
      return simple(ctx, 'BatchNormalization', [], { momentum: p.momentum as number, epsilon: p.epsilon as number }, {
        axis: [ctx.inShapes[0]!.length],
        momentum: p.momentum as number,
        epsilon: p.epsilon as number,
        center: true,
        scale: true,
        beta_initializer: ZEROS,
        gamma_initializer: ONES,
        moving_mean_initializer: ZEROS,
        moving_variance_initializer: ONES,
        beta_regularizer: null,
        gamma_regularizer: null,
        beta_constraint: null,
        gamma_constraint: null,
      });
    case 'LayerNorm':
      return simple(ctx, 'LayerNormalization', [], { epsilon: p.epsilon as number }, {
        axis: -1,
        epsilon: p.epsilon as number,
        center: true,
        scale: true,
        beta_initializer: ZEROS,
        gamma_initializer: ONES,
        beta_regularizer: null,
        gamma_regularizer: null,
        beta_constraint: null,
        gamma_constraint: null,
      });
    case 'LRN':
      return new NodeChain(ctx).add({
        name: ctx.nodeName(),
        className: 'LocalResponseNormalization',
        local: true,
        args: [],
        kwargs: { size: p.size as number, alpha: p.alpha as number, beta: p.beta as number, k: p.k as number },
        config: { size: p.size as number, alpha: p.alpha as number, beta: p.beta as number, k: p.k as number },
        jsonUnsupported: 'Keras and TensorFlow.js have no LRN layer; the Python file defines one',
      }).nodes;
    case 'Activation':
      return activationLayer(ctx);
    case 'ZeroPadding2D': {
      const [ph, pw] = pair(p.padding);
      return new NodeChain(ctx).add(zeroPadding(ctx.nodeName(), [[ph, ph], [pw, pw]])).nodes;
    }
    case 'UpSampling2D': {
      const size = pair(p.size);
      const interpolation = p.interpolation as string;
      return simple(ctx, 'UpSampling2D', [], { size: pairValue(size), interpolation: interpolation === 'nearest' ? undefined : interpolation }, { size, data_format: 'channels_last', interpolation });
    }
    case 'Concat': {
      const axis = p.axis as number;
      // Keras counts the batch axis; the graph does not.
      const kerasAxis = axis < 0 ? axis : axis + 1;
      return simple(ctx, 'Concatenate', [], { axis: kerasAxis === -1 ? undefined : kerasAxis }, { axis: kerasAxis }, 'list');
    }
    case 'Add':
      return simple(ctx, 'Add', [], {}, {}, 'list');
    case 'Multiply':
      return simple(ctx, 'Multiply', [], {}, {}, 'list');
    case 'Embedding':
      return simple(ctx, 'Embedding', [p.vocab as number, p.dim as number], {}, {
        input_dim: p.vocab as number,
        output_dim: p.dim as number,
        embeddings_initializer: { class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } },
        embeddings_regularizer: null,
        activity_regularizer: null,
        embeddings_constraint: null,
        mask_zero: false,
        input_length: null,
      });
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return recurrent(ctx, type);
    case 'Bidirectional':
      return bidirectional(ctx);
    case 'Reshape': {
      const target = p.shape as number[];
      return simple(ctx, 'Reshape', [new PyTuple(target)], {}, { target_shape: target });
    }
    case 'Permute': {
      const dims = p.dims as number[];
      return simple(ctx, 'Permute', [new PyTuple(dims)], {}, { dims });
    }
    case 'MultiHeadAttention':
      return new NodeChain(ctx).add({
        name: ctx.nodeName(),
        className: 'MultiHeadAttention',
        args: [],
        kwargs: { num_heads: p.heads as number, key_dim: p.key_dim as number },
        config: { num_heads: p.heads as number, key_dim: p.key_dim as number },
        call: 'positional',
        jsonUnsupported: 'TensorFlow.js does not register a MultiHeadAttention layer for model JSON',
      }).nodes;
    default:
      throw new UnsupportedLayerError('keras', ctx.layer.id, type, 'no Keras translation for this layer type');
  }
}

/** The Python function that builds the model, e.g. `build_vgg_16`. */
export function builderName(graph: Graph): string {
  return `build_${toIdentifier(graph.name).toLowerCase()}`;
}

/** Layer names for Keras, shared by the Python file and the JSON so both name layers alike. */
export function kerasLayerNames(graph: Graph): Map<string, string> {
  return pythonLayerNames(graph, ['keras', 'layers', 'x', 'model', 'inputs', 'outputs', builderName(graph), 'LocalResponseNormalization']);
}

/** Every Keras node of the graph, in order; `names` come from kerasLayerNames. */
export function kerasModel(graph: Graph, names: Map<string, string>): KerasModel {
  const shapes = inferShapes(graph);
  const taken = new Set([...names.values()].map((name) => name.toLowerCase()));
  const outputOf = new Map<string, string>();
  const inputs: KerasInput[] = [];
  const nodes: KerasNode[] = [];
  const consumed = new Set(graph.layers.flatMap((layer) => layer.inputs ?? []));
  for (const layer of graph.layers) {
    const name = names.get(layer.id)!;
    const params = resolveParams(layer);
    if (layer.type === 'Input') {
      inputs.push({ name, layerId: layer.id, shape: shapes.get(layer.id)!, dtype: params.dtype as 'float32' | 'int32' });
      outputOf.set(layer.id, name);
      continue;
    }
    const nodeName = (suffix?: string): string => {
      if (!suffix) return name;
      let candidate = `${name}_${suffix}`;
      for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}_${suffix}_${n}`;
      taken.add(candidate.toLowerCase());
      return candidate;
    };
    const layerNodesList = layerNodes({
      layer,
      params,
      inShapes: (layer.inputs ?? []).map((id) => shapes.get(id)!),
      outShape: shapes.get(layer.id)!,
      inputs: (layer.inputs ?? []).map((id) => outputOf.get(id)!),
      nodeName,
    });
    nodes.push(...layerNodesList);
    outputOf.set(layer.id, layerNodesList[layerNodesList.length - 1]!.name);
  }
  return {
    inputs,
    nodes,
    outputOf,
    outputs: graph.layers.filter((layer) => !consumed.has(layer.id)).map((layer) => layer.id),
    usesLrn: graph.layers.some((layer) => layer.type === 'LRN'),
  };
}
