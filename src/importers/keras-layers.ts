/**
 * One Keras layer config (Keras 1.x, 2.x or 3.x spelling) → paper2net layers. Keras 1 names
 * (`nb_filter`, `subsample`, `border_mode`, `output_dim`, `p`) are read next to the modern ones.
 */
import { ACTIVATIONS, type Params, type ParamValue } from '../graph/index.ts';
import type { GraphBuilder } from './builder.ts';
import { ImportError, type ImportPosition } from './errors.ts';
import { evenPadding, type EvenPadding, type Window } from './padding.ts';

export type KerasConfig = Record<string, unknown>;

/** An uneven ZeroPadding2D, held back to be folded into the convolution or pool that reads it. */
export interface UnevenPad {
  input: string;
  begin: [number, number];
  end: [number, number];
  text: string;
  position: ImportPosition;
}

export interface KerasCall {
  className: string;
  config: KerasConfig;
  id: string;
  inputs: string[];
  position: ImportPosition;
  /** Any layer of the model uses channels-first data (`dim_ordering: "th"`, `data_format: "channels_first"`). */
  channelsFirst: boolean;
  /** Uneven paddings by the id their consumers see. */
  unevenPads: Map<string, UnevenPad>;
}

const WINDOW_LAYERS = new Set([
  'Conv2D',
  'Convolution2D',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'SeparableConvolution2D',
  'MaxPooling2D',
  'AveragePooling2D',
  'MaxPool2D',
  'AvgPool2D',
]);

function unevenPadError(pad: UnevenPad, consumer: string): ImportError {
  return new ImportError('keras', `ZeroPadding2D: uneven padding ${pad.text} before ${consumer} has no symmetric equivalent`, pad.position);
}

/**
 * The input and padding of a convolution or pool, with an uneven ZeroPadding2D before it folded in
 * when an even padding (or Caffe-style ceil rounding) gives the same output, as Keras ports of
 * Caffe nets and MobileNet's stride-2 blocks write it.
 */
function windowInput(call: KerasCall, b: GraphBuilder, window: Window, padding: 'valid' | 'same'): { input: string } & EvenPadding {
  const input = call.inputs[0]!;
  const pad = call.unevenPads.get(input);
  if (!pad) return { input, padding };
  const [h, w] = b.shapeOf(pad.input);
  const even = padding === 'valid' ? evenPadding([h!, w!], pad.begin, pad.end, window) : undefined;
  if (!even) throw unevenPadError(pad, `${call.className} "${call.id}"`);
  return { input: pad.input, ...even };
}

/** Shape-preserving preprocessing and regularisation layers that have no effect on the architecture. */
const PASS_THROUGH = new Set([
  'Rescaling',
  'Normalization',
  'RandomFlip',
  'RandomRotation',
  'RandomZoom',
  'RandomContrast',
  'RandomTranslation',
  'RandomBrightness',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'ActivityRegularization',
  'Masking',
]);

function fail(call: KerasCall, problem: string): never {
  throw new ImportError('keras', `${call.className}: ${problem}`, call.position);
}

function num(call: KerasCall, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = call.config[key];
    if (typeof v === 'number') return v;
    if (Array.isArray(v) && typeof v[0] === 'number') return v[0];
  }
  return undefined;
}

function required(call: KerasCall, ...keys: string[]): number {
  const v = num(call, ...keys);
  if (v === undefined) fail(call, `config has no ${keys.join(' / ')}`);
  return v;
}

/** `3`, `[3]`, `[3, 5]` → [h, w]. */
function pair(call: KerasCall, value: unknown, what: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) return [value[0], value[1]];
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'number') return [value[0], value[0]];
  fail(call, `${what} should be a number or a pair, got ${JSON.stringify(value)}`);
}

function kernelOf(call: KerasCall): [number, number] {
  const c = call.config;
  if (c.kernel_size !== undefined) return pair(call, c.kernel_size, 'kernel_size');
  if (typeof c.nb_row === 'number' && typeof c.nb_col === 'number') return [c.nb_row, c.nb_col];
  fail(call, 'config has no kernel_size');
}

function stridesOf(call: KerasCall, fallback: [number, number]): [number, number] {
  const v = call.config.strides ?? call.config.subsample;
  return v === undefined || v === null ? fallback : pair(call, v, 'strides');
}

function paddingOf(call: KerasCall): 'valid' | 'same' {
  const v = call.config.padding ?? call.config.border_mode ?? 'valid';
  if (v === 'valid' || v === 'same') return v;
  fail(call, `padding "${String(v)}" is not supported (only valid and same)`);
}

/** Keras activation name → catalog activation value. */
function activationName(call: KerasCall, value: unknown): string {
  const name = typeof value === 'object' && value !== null ? ((value as KerasConfig).config ?? (value as KerasConfig).class_name) : value;
  const text = String(name ?? 'linear').toLowerCase();
  const mapped = text === 'leakyrelu' ? 'leaky_relu' : text;
  if (!(ACTIVATIONS as readonly string[]).includes(mapped)) fail(call, `activation "${text}" has no paper2net equivalent`);
  return mapped;
}

function fused(call: KerasCall): Params {
  const fn = activationName(call, call.config.activation);
  return fn === 'linear' ? {} : { activation: fn };
}

function bias(call: KerasCall): Params {
  return call.config.use_bias === false || call.config.bias === false ? { use_bias: false } : {};
}

/** Keras `((top, bottom), (left, right))`, `(h, w)` or `n` → [top, bottom, left, right]. */
function fourSides(call: KerasCall, value: unknown, what: string): [number, number, number, number] {
  if (Array.isArray(value) && value.length === 2 && Array.isArray(value[0]) && Array.isArray(value[1])) {
    const [[t, b], [l, r]] = value as [[number, number], [number, number]];
    return [t, b, l, r];
  }
  const [h, w] = pair(call, value, what);
  return [h, h, w, w];
}

/** Converts one call of a Keras layer; returns the id of the layer that carries its output. */
export function convertKerasLayer(call: KerasCall, b: GraphBuilder): string {
  const { className, config, id, inputs, position } = call;
  const add = (type: string, params: Params = {}, layerInputs = inputs, layerId = id) => b.add({ id: layerId, type, inputs: layerInputs, params }, position);
  const one = () => {
    if (inputs.length !== 1) fail(call, `expected one input, got ${inputs.length}`);
    return inputs[0]!;
  };
  const pending = inputs.map((i) => call.unevenPads.get(i)).find((p) => p !== undefined);
  if (pending && !WINDOW_LAYERS.has(className)) throw unevenPadError(pending, `${className} "${id}" (only a convolution or pool can absorb it)`);
  if (PASS_THROUGH.has(className)) {
    b.warn(`dropped ${className} layer "${id}": it does not change the architecture`);
    return one();
  }
  switch (className) {
    case 'Conv2D':
    case 'Convolution2D': {
      const rate = config.dilation_rate ?? config.atrous_rate;
      const dilation = rate === undefined || rate === null ? ([1, 1] as [number, number]) : pair(call, rate, 'dilation_rate');
      const kernel = kernelOf(call);
      const stride = stridesOf(call, [1, 1]);
      const { input, padding } = windowInput(call, b, { kernel, stride, dilation, pool: false }, paddingOf(call));
      const params: Params = { filters: required(call, 'filters', 'nb_filter'), kernel, stride, padding };
      if (dilation.some((d) => d !== 1)) params.dilation = dilation;
      if ((num(call, 'groups') ?? 1) !== 1) params.groups = num(call, 'groups')!;
      return add('Conv2D', { ...params, ...fused(call), ...bias(call) }, [input]);
    }
    case 'Conv1D':
    case 'Convolution1D': {
      const padding = config.padding ?? config.border_mode ?? 'valid';
      if (padding !== 'valid' && padding !== 'same') fail(call, `padding "${String(padding)}" is not supported (only valid and same)`);
      const params: Params = {
        filters: required(call, 'filters', 'nb_filter'),
        kernel: required(call, 'kernel_size', 'filter_length'),
        stride: num(call, 'strides', 'subsample_length') ?? 1,
        padding: padding as string,
      };
      if ((num(call, 'dilation_rate') ?? 1) !== 1) params.dilation = num(call, 'dilation_rate')!;
      return add('Conv1D', { ...params, ...fused(call), ...bias(call) });
    }
    case 'Conv2DTranspose':
    case 'Deconvolution2D': {
      if (Array.isArray(config.output_padding)) b.warn(`Conv2DTranspose "${id}": output_padding ${JSON.stringify(config.output_padding)} ignored`);
      const params: Params = {
        filters: required(call, 'filters', 'nb_filter'),
        kernel: kernelOf(call),
        stride: stridesOf(call, [1, 1]),
        padding: paddingOf(call),
      };
      return add('Conv2DTranspose', { ...params, ...fused(call), ...bias(call) });
    }
    case 'DepthwiseConv2D': {
      const kernel = kernelOf(call);
      const stride = stridesOf(call, [1, 1]);
      const { input, padding } = windowInput(call, b, { kernel, stride, dilation: [1, 1], pool: false }, paddingOf(call));
      return add('DepthwiseConv2D', { kernel, stride, padding, depth_multiplier: num(call, 'depth_multiplier') ?? 1, ...fused(call), ...bias(call) }, [input]);
    }
    case 'SeparableConv2D':
    case 'SeparableConvolution2D': {
      const kernel = kernelOf(call);
      const stride = stridesOf(call, [1, 1]);
      const { input, padding } = windowInput(call, b, { kernel, stride, dilation: [1, 1], pool: false }, paddingOf(call));
      const depthwise = add(
        'DepthwiseConv2D',
        { kernel, stride, padding, depth_multiplier: num(call, 'depth_multiplier') ?? 1, use_bias: false },
        [input],
        `${id}_depthwise`,
      );
      return add('Conv2D', { filters: required(call, 'filters', 'nb_filter'), kernel: [1, 1], ...fused(call), ...bias(call) }, [depthwise]);
    }
    case 'Dense':
      return add('Dense', { units: required(call, 'units', 'output_dim'), ...fused(call), ...bias(call) });
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const pool = config.pool_size === undefined ? ([2, 2] as [number, number]) : pair(call, config.pool_size, 'pool_size');
      const stride = stridesOf(call, pool);
      const { input, padding, ceil } = windowInput(call, b, { kernel: pool, stride, dilation: [1, 1], pool: true }, paddingOf(call));
      return add(className.startsWith('Max') ? 'MaxPool2D' : 'AvgPool2D', { pool, stride, padding, ...(ceil ? { ceil_mode: true } : {}) }, [input]);
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D': {
      const pooled = add(className.includes('Max') ? 'GlobalMaxPool2D' : 'GlobalAvgPool2D');
      return config.keepdims === true ? b.spatial(pooled, position) : pooled;
    }
    case 'MaxPooling1D':
    case 'AveragePooling1D':
    case 'MaxPool1D':
    case 'AvgPool1D': {
      const pool = num(call, 'pool_size', 'pool_length') ?? 2;
      const stride = num(call, 'strides', 'stride') ?? pool;
      return add(className.startsWith('Max') ? 'MaxPool1D' : 'AvgPool1D', { pool, stride, padding: paddingOf(call) });
    }
    case 'GlobalMaxPooling1D':
    case 'GlobalAveragePooling1D':
    case 'GlobalMaxPool1D':
    case 'GlobalAvgPool1D': {
      const pooled = add(className.includes('Max') ? 'GlobalMaxPool1D' : 'GlobalAvgPool1D');
      return config.keepdims === true ? add('Reshape', { shape: [1, ...b.shapeOf(pooled)] }, [pooled], `${id}_keepdims`) : pooled;
    }
    case 'Flatten':
      return add('Flatten');
    case 'Dropout':
    case 'SpatialDropout1D':
    case 'SpatialDropout2D':
      return add('Dropout', { rate: num(call, 'rate', 'p') ?? 0.5 });
    case 'BatchNormalization':
      return add('BatchNorm', { epsilon: num(call, 'epsilon') ?? 1e-3, momentum: num(call, 'momentum') ?? 0.99 });
    case 'LayerNormalization':
      return add('LayerNorm', { epsilon: num(call, 'epsilon') ?? 1e-3 });
    case 'Activation': {
      const fn = activationName(call, config.activation);
      if (fn === 'linear') {
        b.warn(`dropped Activation "${id}": linear is the identity`);
        return one();
      }
      return add('Activation', { fn });
    }
    case 'ReLU': {
      if (typeof config.max_value === 'number') fail(call, `max_value ${config.max_value} (a capped ReLU) has no paper2net equivalent`);
      const slope = num(call, 'negative_slope') ?? 0;
      return add('Activation', slope ? { fn: 'leaky_relu', alpha: slope } : { fn: 'relu' });
    }
    case 'LeakyReLU':
      return add('Activation', { fn: 'leaky_relu', alpha: num(call, 'alpha', 'negative_slope') ?? 0.3 });
    case 'PReLU':
      return add('Activation', { fn: 'prelu' });
    case 'ELU':
      return add('Activation', { fn: 'elu', alpha: num(call, 'alpha') ?? 1 });
    case 'Softmax':
      return add('Activation', { fn: 'softmax' });
    case 'Add':
      return add('Add');
    case 'Multiply':
      return add('Multiply');
    case 'Concatenate':
      return add('Concat', { axis: concatAxis(call, num(call, 'axis') ?? -1, b) });
    case 'Merge':
      return merge(call, add, b);
    case 'ZeroPadding2D': {
      const [t, bottom, l, r] = fourSides(call, config.padding ?? 1, 'padding');
      if (t === bottom && l === r) return add('ZeroPadding2D', { padding: [t, l] });
      call.unevenPads.set(id, { input: one(), begin: [t, l], end: [bottom, r], text: JSON.stringify(config.padding), position });
      return id;
    }
    case 'Cropping2D':
      return add('Cropping2D', { cropping: fourSides(call, config.cropping ?? 0, 'cropping') });
    case 'UpSampling2D':
      return add('UpSampling2D', {
        size: config.size === undefined ? [2, 2] : pair(call, config.size, 'size'),
        interpolation: config.interpolation === 'bilinear' ? 'bilinear' : 'nearest',
      });
    case 'Reshape':
      return add('Reshape', { shape: intList(call, config.target_shape ?? config.dims, 'target_shape') });
    case 'Permute':
      return add('Permute', { dims: intList(call, config.dims, 'dims') });
    case 'Embedding':
      return add('Embedding', { vocab: required(call, 'input_dim'), dim: required(call, 'output_dim') });
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return add(className, { units: required(call, 'units', 'output_dim'), return_sequences: config.return_sequences === true });
    case 'Bidirectional':
      return bidirectional(call, add);
    case 'MultiHeadAttention':
      return add('MultiHeadAttention', { heads: required(call, 'num_heads'), key_dim: required(call, 'key_dim') });
    default:
      fail(call, `layer class "${className}" is not supported`);
  }
}

function intList(call: KerasCall, value: unknown, what: string): number[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' || v === null)) return value.map((v) => (v === null ? -1 : (v as number)));
  fail(call, `${what} should be a list of ints, got ${JSON.stringify(value)}`);
}

/** Concatenation axis in the channels-last graph; channels-first models concatenate on axis 1. */
function concatAxis(call: KerasCall, axis: number, b: GraphBuilder): number {
  const rank = b.shapeOf(call.inputs[0]!).length;
  if (call.channelsFirst && rank === 3) {
    const mapped = ({ 1: -1, 2: 0, 3: 1, [-3]: -1, [-2]: 0, [-1]: 1 } as Record<number, number>)[axis];
    if (mapped === undefined) fail(call, `axis ${axis} of a channels-first tensor is not supported`);
    return mapped;
  }
  // A batch-inclusive positive axis (Keras counts the batch) → graph axis without batch.
  return axis > 0 ? axis - 1 : axis;
}

/** Keras 1 `Merge(mode=...)`. */
function merge(call: KerasCall, add: (type: string, params?: Params) => string, b: GraphBuilder): string {
  const mode = String(call.config.mode ?? 'sum');
  if (mode === 'sum') return add('Add');
  if (mode === 'mul') return add('Multiply');
  if (mode === 'concat') return add('Concat', { axis: concatAxis(call, num(call, 'concat_axis') ?? -1, b) });
  fail(call, `Merge mode "${mode}" is not supported (only sum, mul, concat)`);
}

function bidirectional(call: KerasCall, add: (type: string, params?: Params) => string): string {
  const inner = call.config.layer as { class_name?: string; config?: KerasConfig } | undefined;
  const cell = inner?.class_name;
  if (cell !== 'LSTM' && cell !== 'GRU' && cell !== 'SimpleRNN') fail(call, `wraps "${String(cell)}", not an LSTM, GRU or SimpleRNN`);
  const mergeMode = String(call.config.merge_mode ?? 'concat');
  if (mergeMode !== 'concat' && mergeMode !== 'sum') fail(call, `merge_mode "${mergeMode}" is not supported (only concat and sum)`);
  const innerCall: KerasCall = { ...call, className: cell, config: inner!.config ?? {} };
  const params: Record<string, ParamValue> = {
    units: required(innerCall, 'units', 'output_dim'),
    return_sequences: innerCall.config.return_sequences === true,
    bidirectional: true,
    merge: mergeMode,
  };
  return add(cell, params);
}
