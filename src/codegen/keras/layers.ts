/** One graph layer → its Keras nodes: the dispatcher, and the layers that are not sliding windows. */
import { kerasClass, isLayerType, isUnsupported, type LayerType, type LoweredLayerType, type Params, type Unsupported } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { PyCode, PyTuple, pyKwargs, pyValue, type PyValue } from '../python.ts';
import {
  GLOROT,
  FUSED_ACTIVATIONS,
  NO_REGULARISATION,
  NodeChain,
  ONES,
  ZEROS,
  activationConfig,
  leakyRelu,
  pair,
  pairValue,
  prelu,
  zeroPadding,
  type JsonValue,
  type KerasNode,
  type LayerContext,
} from './node.ts';
import { conv1d, conv2d, conv2dTranspose, depthwiseConv2d, pool1d, pool2d } from './windows.ts';

function dense(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: kerasClass('Dense'),
    args: [p.units as number],
    kwargs: { activation: act.kwarg, use_bias: p.use_bias ? undefined : false },
    config: {
      units: p.units as number,
      activation: act.json,
      use_bias: p.use_bias as boolean,
      kernel_initializer: GLOROT,
      bias_initializer: ZEROS,
      ...NO_REGULARISATION,
    },
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
  return chain.add({ name, className: kerasClass('Activation', { fn }), args: [fn], kwargs: {}, config: { activation: fn } }).nodes;
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

/** Keras' wrapper class for two-directional recurrent layers (a wrapper, not a layer type of the catalog). */
const KERAS_BIDIRECTIONAL = 'Bidirectional';

function recurrent(ctx: LayerContext): KerasNode[] {
  if (ctx.params.bidirectional) return bidirectional(ctx);
  const cell = kerasClass(ctx.layer.type as LayerType);
  const { kwargs, config } = rnnConfig(cell, ctx.params);
  return new NodeChain(ctx).add({ name: ctx.nodeName(), className: cell, args: [ctx.params.units as number], kwargs, config }).nodes;
}

/** Keras wraps the one-way layer in its `Bidirectional` class. */
function bidirectional(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const cell = kerasClass(ctx.layer.type as LayerType);
  const { kwargs, config } = rnnConfig(cell, p);
  const inner = `layers.${cell}(${[pyValue(p.units as number), pyKwargs(kwargs)].filter(Boolean).join(', ')})`;
  const name = ctx.nodeName();
  return new NodeChain(ctx).add({
    name,
    className: KERAS_BIDIRECTIONAL,
    args: [new PyCode(inner)],
    kwargs: { merge_mode: p.merge === 'concat' ? undefined : (p.merge as string) },
    config: {
      layer: { class_name: cell, config: { name: `${name}_${cell.toLowerCase()}`, trainable: true, dtype: 'float32', ...config } },
      merge_mode: p.merge as string,
    },
  }).nodes;
}

/** One node of the catalog's Keras class (or `className`) for the layer. */
function simple(
  ctx: LayerContext,
  args: PyValue[],
  kwargs: Record<string, PyValue | undefined>,
  config: Record<string, JsonValue>,
  call: KerasNode['call'] = 'single',
  className = kerasClass(ctx.layer.type as LayerType, ctx.params),
): KerasNode[] {
  return new NodeChain(ctx).add({ name: ctx.nodeName(), className, args, kwargs, config, call }).nodes;
}

/** Several inputs are summed by an Add node first, then normalised. */
function layerNorm(ctx: LayerContext): KerasNode[] {
  const epsilon = ctx.params.epsilon as number;
  const chain = new NodeChain(ctx);
  if (ctx.inputs.length > 1) chain.add({ name: ctx.nodeName('sum'), className: kerasClass('Add'), args: [], kwargs: {}, config: {}, call: 'list' });
  return chain.add({
    name: ctx.nodeName(),
    className: kerasClass('LayerNorm'),
    args: [],
    kwargs: { epsilon },
    config: {
      axis: -1,
      epsilon,
      center: true,
      scale: true,
      beta_initializer: ZEROS,
      gamma_initializer: ONES,
      beta_regularizer: null,
      gamma_regularizer: null,
      beta_constraint: null,
      gamma_constraint: null,
    },
  }).nodes;
}

type KerasLowering = (ctx: LayerContext) => KerasNode[];

/** Every layer type's Keras nodes; a new catalog type fails to compile here until it is given one. */
const KERAS_LOWERINGS: Record<LoweredLayerType, KerasLowering | Unsupported> = {
  Conv2D: conv2d,
  Conv1D: conv1d,
  Conv2DTranspose: conv2dTranspose,
  DepthwiseConv2D: depthwiseConv2d,
  MaxPool2D: (ctx) => pool2d(ctx, 'max'),
  AvgPool2D: (ctx) => pool2d(ctx, 'avg'),
  GlobalAvgPool2D: (ctx) => simple(ctx, [], {}, { data_format: 'channels_last', keepdims: false }),
  GlobalMaxPool2D: (ctx) => simple(ctx, [], {}, { data_format: 'channels_last', keepdims: false }),
  MaxPool1D: (ctx) => pool1d(ctx, 'max'),
  AvgPool1D: (ctx) => pool1d(ctx, 'avg'),
  GlobalMaxPool1D: (ctx) => simple(ctx, [], {}, { data_format: 'channels_last', keepdims: false }),
  GlobalAvgPool1D: (ctx) => simple(ctx, [], {}, { data_format: 'channels_last', keepdims: false }),
  Dense: dense,
  Flatten: (ctx) => {
    // tfjs-layers refuses Flatten on a vector (min_ndim 3); a Reshape to the same vector says it exactly.
    const input = ctx.inShapes[0]!;
    if (input.length === 1) return simple(ctx, [new PyTuple(input)], {}, { target_shape: input }, 'single', kerasClass('Reshape'));
    return simple(ctx, [], {}, { data_format: 'channels_last' });
  },
  Dropout: (ctx) => simple(ctx, [ctx.params.rate as number], {}, { rate: ctx.params.rate as number, noise_shape: null, seed: null }),
  BatchNorm: (ctx) => {
    const p = ctx.params;
    return simple(
      ctx,
      [],
      { momentum: p.momentum as number, epsilon: p.epsilon as number },
      {
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
      },
    );
  },
  LayerNorm: layerNorm,
  LRN: (ctx) => {
    const p = ctx.params;
    return new NodeChain(ctx).add({
      name: ctx.nodeName(),
      className: kerasClass('LRN'),
      local: true,
      args: [],
      kwargs: { size: p.size as number, alpha: p.alpha as number, beta: p.beta as number, k: p.k as number },
      config: { size: p.size as number, alpha: p.alpha as number, beta: p.beta as number, k: p.k as number },
      jsonUnsupported: 'Keras and TensorFlow.js have no LRN layer; the Python file defines one',
    }).nodes;
  },
  Activation: activationLayer,
  ZeroPadding2D: (ctx) => {
    const [ph, pw] = pair(ctx.params.padding);
    return new NodeChain(ctx).add(
      zeroPadding(ctx.nodeName(), [
        [ph, ph],
        [pw, pw],
      ]),
    ).nodes;
  },
  Cropping2D: (ctx) => {
    const [top, bottom, left, right] = ctx.params.cropping as number[];
    const cropping = new PyTuple([new PyTuple([top!, bottom!]), new PyTuple([left!, right!])]);
    return simple(
      ctx,
      [cropping],
      {},
      {
        cropping: [
          [top!, bottom!],
          [left!, right!],
        ],
        data_format: 'channels_last',
      },
    );
  },
  UpSampling2D: (ctx) => {
    const size = pair(ctx.params.size);
    const interpolation = ctx.params.interpolation as string;
    return simple(
      ctx,
      [],
      { size: pairValue(size), interpolation: interpolation === 'nearest' ? undefined : interpolation },
      { size, data_format: 'channels_last', interpolation },
    );
  },
  Concat: (ctx) => {
    const axis = ctx.params.axis as number;
    // Keras counts the batch axis; the graph does not.
    const kerasAxis = axis < 0 ? axis : axis + 1;
    return simple(ctx, [], { axis: kerasAxis === -1 ? undefined : kerasAxis }, { axis: kerasAxis }, 'list');
  },
  Add: (ctx) => simple(ctx, [], {}, {}, 'list'),
  Multiply: (ctx) => simple(ctx, [], {}, {}, 'list'),
  Embedding: (ctx) =>
    simple(
      ctx,
      [ctx.params.vocab as number, ctx.params.dim as number],
      {},
      {
        input_dim: ctx.params.vocab as number,
        output_dim: ctx.params.dim as number,
        embeddings_initializer: { class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } },
        embeddings_regularizer: null,
        activity_regularizer: null,
        embeddings_constraint: null,
        mask_zero: false,
        input_length: null,
      },
    ),
  SimpleRNN: recurrent,
  LSTM: recurrent,
  GRU: recurrent,
  Reshape: (ctx) => {
    const target = ctx.params.shape as number[];
    return simple(ctx, [new PyTuple(target)], {}, { target_shape: target });
  },
  Permute: (ctx) => {
    const dims = ctx.params.dims as number[];
    return simple(ctx, [new PyTuple(dims)], {}, { dims });
  },
  MultiHeadAttention: (ctx) =>
    new NodeChain(ctx).add({
      name: ctx.nodeName(),
      className: kerasClass('MultiHeadAttention'),
      args: [],
      kwargs: { num_heads: ctx.params.heads as number, key_dim: ctx.params.key_dim as number },
      config: { num_heads: ctx.params.heads as number, key_dim: ctx.params.key_dim as number },
      call: 'positional',
      jsonUnsupported: 'TensorFlow.js does not register a MultiHeadAttention layer for model JSON',
    }).nodes,
  DotProductAttention: (ctx) =>
    new NodeChain(ctx).add({
      name: ctx.nodeName(),
      className: kerasClass('DotProductAttention'),
      local: true,
      args: [],
      kwargs: { heads: ctx.params.heads as number, causal: ctx.params.causal ? true : undefined },
      config: { heads: ctx.params.heads as number, causal: ctx.params.causal as boolean },
      call: 'positional',
      jsonUnsupported: 'TensorFlow.js has no attention layer without projections; the Python file defines one',
    }).nodes,
};

export function layerNodes(ctx: LayerContext): KerasNode[] {
  const type = ctx.layer.type;
  const lowering = isLayerType(type) && type !== 'Input' ? KERAS_LOWERINGS[type] : undefined;
  if (!lowering) throw new UnsupportedLayerError('keras', ctx.layer.id, type, 'no Keras translation for this layer type');
  if (isUnsupported(lowering)) throw new UnsupportedLayerError('keras', ctx.layer.id, type, lowering.unsupported);
  return lowering(ctx);
}
