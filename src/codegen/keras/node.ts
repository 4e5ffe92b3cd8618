/**
 * Keras layer nodes: what one emitted layer is, for both outputs (Keras 3 Python arguments and the
 * Keras 2.x JSON config that TensorFlow.js loads), and the helpers every layer translation shares.
 * A graph layer may become several nodes when Keras needs help: explicit padding, Caffe's ceil
 * rounding, a separate LeakyReLU/PReLU activation.
 */
import { kerasClass, defaultActivationAlpha, type Layer, type Params, type Shape } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { PyTuple, type PyValue } from '../python.ts';

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

/** A node as a layer translation writes it; the chain fills in its inputs and layer. */
export type NodeSpec = Omit<KerasNode, 'inputs' | 'layerId' | 'comments' | 'call'> & Partial<Pick<KerasNode, 'call' | 'comments'>>;

export type Pair = [number, number];

export function pair(value: unknown): Pair {
  return typeof value === 'number' ? [value, value] : [(value as number[])[0]!, (value as number[])[1]!];
}

export function pairValue([h, w]: Pair): PyValue {
  return h === w ? h : new PyTuple([h, w]);
}

export const GLOROT: JsonValue = { class_name: 'GlorotUniform', config: { seed: null } };
export const ZEROS: JsonValue = { class_name: 'Zeros', config: {} };
export const ONES: JsonValue = { class_name: 'Ones', config: {} };
export const NO_REGULARISATION = {
  kernel_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
};

/** Activations Keras and TensorFlow.js both accept as an `activation=` string. */
export const FUSED_ACTIVATIONS = new Set(['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'gelu']);

export interface LayerContext {
  layer: Layer;
  params: Params;
  inShapes: Shape[];
  outShape: Shape;
  /** Node names of the layer's inputs. */
  inputs: string[];
  /** A unique node name: the layer's own name, or the name with a suffix for helper nodes. */
  nodeName: (suffix?: string) => string;
}

export class NodeChain {
  readonly nodes: KerasNode[] = [];
  private last: string[];
  constructor(private readonly ctx: LayerContext) {
    this.last = ctx.inputs;
  }

  add(node: NodeSpec): this {
    this.nodes.push({ call: 'single', comments: [], ...node, layerId: this.ctx.layer.id, inputs: this.last });
    this.last = [node.name];
    return this;
  }
}

export function zeroPadding(name: string, [[top, bottom], [left, right]]: [Pair, Pair], comments: string[] = []): NodeSpec {
  const symmetric = top === bottom && left === right;
  return {
    name,
    className: kerasClass('ZeroPadding2D'),
    args: [],
    kwargs: { padding: symmetric ? pairValue([top, left]) : new PyTuple([new PyTuple([top, bottom]), new PyTuple([left, right])]) },
    config: {
      padding: [
        [top, bottom],
        [left, right],
      ],
      data_format: 'channels_last',
    },
    comments,
  };
}

/** A ZeroPadding1D (Python only: TensorFlow.js has none). */
export function zeroPadding1d(name: string, before: number, after: number, comments: string[] = []): NodeSpec {
  return {
    name,
    className: 'ZeroPadding1D',
    args: [],
    kwargs: { padding: before === after ? before : new PyTuple([before, after]) },
    config: { padding: [before, after] },
    ...(comments.length ? { comments } : {}),
    jsonUnsupported: 'TensorFlow.js has no ZeroPadding1D layer',
  };
}

/** Adds the layer's activation param: fused into the node when Keras has the string, else its own node. */
export function activationConfig(ctx: LayerContext): { kwarg: string | undefined; json: string; after?: (chain: NodeChain) => void } {
  const fn = (ctx.params.activation as string | undefined) ?? 'linear';
  if (FUSED_ACTIVATIONS.has(fn)) return { kwarg: fn === 'linear' ? undefined : fn, json: fn };
  return {
    kwarg: undefined,
    json: 'linear',
    after: (chain) => {
      if (fn === 'leaky_relu') chain.add(leakyRelu(ctx.nodeName('leaky_relu'), defaultActivationAlpha(fn)));
      else if (fn === 'prelu') chain.add(prelu(ctx.nodeName('prelu'), ctx.outShape));
      else throw new UnsupportedLayerError('keras', ctx.layer.id, ctx.layer.type, `unknown activation "${fn}"`);
    },
  };
}

export function leakyRelu(name: string, slope: number): NodeSpec {
  return { name, className: kerasClass('Activation', { fn: 'leaky_relu' }), args: [], kwargs: { negative_slope: slope }, config: { alpha: slope } };
}

/** One slope per channel / feature, as in the PReLU paper (Keras' default would learn one per element). */
export function prelu(name: string, shape: Shape): NodeSpec {
  const shared = shape.length === 3 ? [1, 2] : shape.length === 2 ? [1] : undefined;
  return {
    name,
    className: kerasClass('Activation', { fn: 'prelu' }),
    args: [],
    kwargs: { shared_axes: shared },
    config: { alpha_initializer: ZEROS, alpha_regularizer: null, alpha_constraint: null, shared_axes: shared ?? null },
  };
}
