/** One graph layer → its Keras nodes: the dispatcher, and the layers that are not sliding windows. */
import { getSpec, isUnsupported, type Params } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { PyCode, PyTuple, pyKwargs, pyValue, type PyValue } from '../python.ts';
import { GLOROT, FUSED_ACTIVATIONS, NO_REGULARISATION, NodeChain, ONES, ZEROS, activationConfig, leakyRelu, pair, pairValue, prelu, zeroPadding, type JsonValue, type KerasNode, type LayerContext } from './node.ts';
import { conv1d, conv2d, conv2dTranspose, depthwiseConv2d, pool2d } from './windows.ts';

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

/** Several inputs are summed by an Add node first, then normalised. */
function layerNorm(ctx: LayerContext): KerasNode[] {
  const epsilon = ctx.params.epsilon as number;
  const chain = new NodeChain(ctx);
  if (ctx.inputs.length > 1) chain.add({ name: ctx.nodeName('sum'), className: 'Add', args: [], kwargs: {}, config: {}, call: 'list' });
  return chain.add({
    name: ctx.nodeName(),
    className: 'LayerNormalization',
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

export function layerNodes(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const type = ctx.layer.type;
  const spec = getSpec(type);
  if (spec && isUnsupported(spec.targets.keras)) {
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
    case 'Flatten': {
      // tfjs-layers refuses Flatten on a vector (min_ndim 3); a Reshape to the same vector says it exactly.
      const input = ctx.inShapes[0]!;
      if (input.length === 1) return simple(ctx, 'Reshape', [new PyTuple(input)], {}, { target_shape: input });
      return simple(ctx, 'Flatten', [], {}, { data_format: 'channels_last' });
    }
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
      return layerNorm(ctx);
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
    case 'Cropping2D': {
      const [top, bottom, left, right] = p.cropping as number[];
      const cropping = new PyTuple([new PyTuple([top!, bottom!]), new PyTuple([left!, right!])]);
      return simple(ctx, 'Cropping2D', [cropping], {}, { cropping: [[top!, bottom!], [left!, right!]], data_format: 'channels_last' });
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
    case 'DotProductAttention':
      return new NodeChain(ctx).add({
        name: ctx.nodeName(),
        className: 'DotProductAttention',
        local: true,
        args: [],
        kwargs: { heads: p.heads as number, causal: p.causal ? true : undefined },
        config: { heads: p.heads as number, causal: p.causal as boolean },
        call: 'positional',
        jsonUnsupported: 'TensorFlow.js has no attention layer without projections; the Python file defines one',
      }).nodes;
    default:
      throw new UnsupportedLayerError('keras', ctx.layer.id, type, 'no Keras translation for this layer type');
  }
}
