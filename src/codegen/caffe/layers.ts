/** One lowering per graph layer type: the Caffe layers, params and learned blobs that express it. */
import {
  caffeType,
  activationEntry,
  catalogRefusal,
  defaultActivationAlpha,
  isUnsupported,
  type LayerType,
  type Shape,
  type Unsupported,
} from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import type { WeightInit, WeightTensor } from '../weights.ts';
import type { Lowering, LoweringContext, Produced } from './builder.ts';
import { CaffeEnum, type BlobRef, type CaffeBlock, type CaffeValue } from './plan.ts';
import { paddingAxes, planAxis } from './windows.ts';

const RELU_LIKE = new Set(['relu', 'leaky_relu', 'prelu', 'elu', 'gelu']);

/** Channels-last shape → Caffe blob dims with batch 1 (NCHW for images). */
export function caffeDims(shape: Shape): number[] {
  return shape.length === 3 ? [1, shape[2]!, shape[0]!, shape[1]!] : [1, ...shape];
}

function pair(value: unknown): [number, number] {
  const [a, b] = value as number[];
  return [a!, b!];
}

/** `kernel_size: 3`, or `kernel_h: 3 kernel_w: 5` when the axes differ; nothing when equal to `skip`. */
function axisFields(field: string, [h, w]: [number, number], skip?: number): CaffeBlock {
  if (h === w) return h === skip ? {} : { [field]: h };
  const stem = field.replace(/_size$/, '');
  return { [`${stem}_h`]: h, [`${stem}_w`]: w };
}

function zeros(name: string, shape: number[]): WeightTensor {
  return { name, shape, init: { kind: 'constant', value: 0 } };
}

function ones(name: string, shape: number[]): WeightTensor {
  return { name, shape, init: { kind: 'constant', value: 1 } };
}

function weightInit(activation: string, fanIn: number, fanOut: number): WeightInit {
  return RELU_LIKE.has(activation) ? { kind: 'he', fanIn } : { kind: 'xavier', fanIn, fanOut };
}

function mismatchNote(what: string, out: Shape, target: Shape): string | undefined {
  if (out[0] === target[0] && out[1] === target[1]) return undefined;
  return `${what}: Caffe gives ${out[0]}x${out[1]} here where the graph has ${target[0]}x${target[1]}`;
}

/** The activation Caffe layer for `fn`, in place where Caffe allows it. */
function appendActivation(context: LoweringContext, fn: string, alpha: number, source: Produced, name: string, inPlace: boolean): Produced {
  const { builder, layer } = context;
  const rank = source.shape.length;
  const common = { name, bottoms: [source.ref], blobs: [] as WeightTensor[] };
  const inPlaceOf = (type: string, paramField?: string, params: CaffeBlock = {}, blobs: WeightTensor[] = []): Produced => ({
    ref: builder.add({ ...common, type, tops: [inPlace ? source.ref.blob : name], inPlace, paramField, params, blobs }),
    shape: source.shape,
  });
  const entry = activationEntry(fn, 'caffe');
  if (isUnsupported(entry)) throw new UnsupportedLayerError('caffe', layer.id, layer.type, entry.unsupported);
  switch (fn) {
    case 'leaky_relu':
      return inPlaceOf(entry.type, 'relu_param', { negative_slope: alpha });
    case 'prelu': {
      // Caffe's PReLU learns one slope per axis-1 channel; for [T, F] that axis is time, so share one slope.
      const shared = rank === 2;
      const channels = rank === 3 ? source.shape[2]! : shared ? 1 : source.shape[0]!;
      const blobs = [{ name: `${name}.slope`, shape: [channels], init: { kind: 'constant', value: 0.25 } } as WeightTensor];
      return inPlaceOf(entry.type, shared ? 'prelu_param' : undefined, shared ? { channel_shared: true } : {}, blobs);
    }
    case 'elu':
      return inPlaceOf(entry.type, alpha === 1 ? undefined : 'elu_param', alpha === 1 ? {} : { alpha });
    case 'softmax': {
      const params: CaffeBlock = rank === 2 ? { axis: 2 } : {};
      const ref = builder.add({ ...common, type: entry.type, tops: [name], inPlace: false, paramField: rank === 2 ? 'softmax_param' : undefined, params });
      return { ref, shape: source.shape };
    }
    default:
      return inPlaceOf(entry.type);
  }
}

/** A layer's fused `activation` param as a following in-place layer named `<name>_<fn>`. */
function withActivation(context: LoweringContext, produced: Produced): Produced {
  const fn = context.params.activation as string;
  if (fn === 'linear') return produced;
  const alpha = defaultActivationAlpha(fn);
  return appendActivation(context, fn, alpha, produced, context.builder.unique(`${context.name}_${fn}`), fn !== 'softmax');
}

function convolution(context: LoweringContext, filters: number, group: number): Produced {
  const { params, name, inputs, target, builder } = context;
  const [input] = inputs;
  const [h, w, channels] = input!.shape;
  const [eh, ew] = input!.extraPad ?? [0, 0];
  const [kh, kw] = pair(params.kernel);
  const [sh, sw] = pair(params.stride);
  const [dh, dw] = pair(params.dilation ?? [1, 1]);
  const [padH, padW] = paddingAxes(params.padding!);
  const axis = (size: number, kernel: number, stride: number, dilation: number, padding: 'valid' | 'same' | number, extra: number, out: number) =>
    planAxis({ size: size - 2 * extra, kernel, stride, dilation, padding, extra, target: out }, 'conv');
  const rows = axis(h!, kh, sh, dh, padH, eh, target[0]!);
  const cols = axis(w!, kw, sw, dw, padW, ew, target[1]!);
  const shape = [rows.out, cols.out, filters];
  const useBias = params.use_bias as boolean;
  const fanIn = (channels! / group) * kh * kw;
  const blobs: WeightTensor[] = [
    { name: `${name}.weight`, shape: [filters, channels! / group, kh, kw], init: weightInit(params.activation as string, fanIn, (filters / group) * kh * kw) },
    ...(useBias ? [zeros(`${name}.bias`, [filters])] : []),
  ];
  const convParams: CaffeBlock = {
    num_output: filters,
    ...(useBias ? {} : { bias_term: false }),
    ...axisFields('pad', [rows.pad, cols.pad], 0),
    ...axisFields('kernel_size', [kh, kw]),
    ...(group > 1 ? { group } : {}),
    ...axisFields('stride', [sh, sw], 1),
    ...(dh === 1 && dw === 1 ? {} : { dilation: dh === dw ? dh : [dh, dw] }),
  };
  const note = mismatchNote('symmetric padding', shape, target);
  const ref = builder.add({
    name,
    type: caffeType('Conv2D'),
    bottoms: [input!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'convolution_param',
    params: convParams,
    blobs,
    note,
    differs: !!note,
  });
  return withActivation(context, { ref, shape });
}

const conv2d: Lowering = (context) => convolution(context, context.params.filters as number, context.params.groups as number);

const depthwiseConv2d: Lowering = (context) => {
  const channels = context.inputs[0]!.shape[2]!;
  return convolution(context, channels * (context.params.depth_multiplier as number), channels);
};

const conv2dTranspose: Lowering = (context) => {
  const { params, name, inputs, target, builder } = context;
  const [input] = inputs;
  const [h, w, channels] = input!.shape;
  const filters = params.filters as number;
  const [kh, kw] = pair(params.kernel);
  const [sh, sw] = pair(params.stride);
  const [padH, padW] = paddingAxes(params.padding!);
  const axis = (size: number, kernel: number, stride: number, padding: 'valid' | 'same' | number, out: number) => {
    const grown = (pad: number) => (size - 1) * stride + kernel - 2 * pad;
    const total = kernel - stride;
    const pads = padding === 'valid' ? [0] : padding === 'same' ? [Math.floor(total / 2), Math.ceil(total / 2)].map((p) => Math.max(p, 0)) : [padding];
    const pad = pads.find((p) => grown(p) === out) ?? pads[0]!;
    return { pad, out: grown(pad) };
  };
  const rows = axis(h!, kh, sh, padH, target[0]!);
  const cols = axis(w!, kw, sw, padW, target[1]!);
  const shape = [rows.out, cols.out, filters];
  const useBias = params.use_bias as boolean;
  const blobs: WeightTensor[] = [
    { name: `${name}.weight`, shape: [channels!, filters, kh, kw], init: weightInit(params.activation as string, channels! * kh * kw, filters * kh * kw) },
    ...(useBias ? [zeros(`${name}.bias`, [filters])] : []),
  ];
  const convParams: CaffeBlock = {
    num_output: filters,
    ...(useBias ? {} : { bias_term: false }),
    ...axisFields('pad', [rows.pad, cols.pad], 0),
    ...axisFields('kernel_size', [kh, kw]),
    ...axisFields('stride', [sh, sw], 1),
  };
  const note = mismatchNote('symmetric padding', shape, target);
  const ref = builder.add({
    name,
    type: caffeType('Conv2DTranspose'),
    bottoms: [input!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'convolution_param',
    params: convParams,
    blobs,
    note,
    differs: !!note,
  });
  return withActivation(context, { ref, shape });
};

/** Rows (axis 2) or columns (axis 3) [begin, begin + length) to keep out of `size`. */
interface Window {
  axis: 2 | 3;
  begin: number;
  length: number;
  size: number;
}

/**
 * Caffe's Crop needs a reference blob of the wanted size; a Slice per axis keeps a window of a blob
 * without one. A Silence layer consumes the cut parts so they do not become net outputs.
 * The last kept blob is named `finalName` when given.
 */
function keepWindows(builder: LoweringContext['builder'], base: string, source: BlobRef, windows: Window[], note: string, finalName?: string): BlobRef {
  let kept = source;
  const cuts: BlobRef[] = [];
  windows.forEach(({ axis, begin, length, size }, i) => {
    const points = [begin, begin + length].filter((point) => point > 0 && point < size);
    const keptIndex = begin > 0 ? 1 : 0;
    const final = i === windows.length - 1 ? finalName : undefined;
    const name = keptIndex === 0 && final ? final : builder.unique(`${base}_crop_${axis === 2 ? 'h' : 'w'}`);
    const tops = points
      .concat(size)
      .map((_, part) =>
        part === 0 ? name : part === keptIndex ? (final ?? builder.unique(`${name}_kept`)) : builder.unique(`${name}_${part < keptIndex ? 'head' : 'rest'}`),
      );
    builder.add({
      name,
      type: 'Slice',
      bottoms: [kept],
      tops,
      inPlace: false,
      paramField: 'slice_param',
      params: { axis, slice_point: points },
      blobs: [],
      note: i === 0 ? note : undefined,
    });
    kept = { layer: tops[keptIndex]!, blob: tops[keptIndex]! };
    cuts.push(...tops.filter((_, part) => part !== keptIndex).map((top) => ({ layer: top, blob: top })));
  });
  builder.add({ name: builder.unique(`${base}_cut`), type: 'Silence', bottoms: cuts, tops: [], inPlace: false, params: {}, blobs: [] });
  return kept;
}

function windowPool(method: 'MAX' | 'AVE'): Lowering {
  return (context) => {
    const { params, name, inputs, target, builder } = context;
    const [input] = inputs;
    const [h, w, channels] = input!.shape;
    const [kh, kw] = pair(params.pool);
    const [sh, sw] = pair(params.stride);
    const [padH, padW] = paddingAxes(params.padding!);
    let rows = planAxis({ size: h!, kernel: kh, stride: sh, dilation: 1, padding: padH, extra: 0, target: target[0]! }, 'pool');
    let cols = planAxis({ size: w!, kernel: kw, stride: sw, dilation: 1, padding: padW, extra: 0, target: target[1]! }, 'pool');
    // Caffe rounds pooling up: with no padding it may add a last window over the remainder that the
    // graph's floor rounding drops, so slice the remainder off first.
    const windows: Window[] = [];
    if (rows.pad === 0 && rows.out > target[0]!) {
      windows.push({ axis: 2, begin: 0, length: (target[0]! - 1) * sh + kh, size: h! });
      rows = { pad: 0, out: target[0]! };
    }
    if (cols.pad === 0 && cols.out > target[1]!) {
      windows.push({ axis: 3, begin: 0, length: (target[1]! - 1) * sw + kw, size: w! });
      cols = { pad: 0, out: target[1]! };
    }
    const kept = windows.map(({ axis, length }) => `${length} ${axis === 2 ? 'rows' : 'columns'}`).join(' and ');
    const cropNote = `Caffe rounds pooling up; keep the ${kept} that ${name} reads when rounding down`;
    const source = windows.length > 0 ? keepWindows(builder, name, input!.ref, windows, cropNote) : input!.ref;
    const shape = [rows.out, cols.out, channels!];
    const poolParams: CaffeBlock = {
      pool: new CaffeEnum(method, 'Pooling'),
      ...axisFields('kernel_size', [kh, kw]),
      ...axisFields('stride', [sh, sw], 1),
      ...axisFields('pad', [rows.pad, cols.pad], 0),
    };
    const note = mismatchNote('Caffe rounds pooling up', shape, target);
    const ref = builder.add({
      name,
      type: caffeType('MaxPool2D'),
      bottoms: [source],
      tops: [name],
      inPlace: false,
      paramField: 'pooling_param',
      params: poolParams,
      blobs: [],
      note,
      differs: !!note,
    });
    return { ref, shape };
  };
}

function globalPool(method: 'MAX' | 'AVE'): Lowering {
  return ({ layer, name, inputs, target, builder }) => {
    const params: CaffeBlock = { pool: new CaffeEnum(method, 'Pooling'), global_pooling: true };
    const ref = builder.add({
      name,
      type: caffeType('GlobalMaxPool2D'),
      bottoms: [inputs[0]!.ref],
      tops: [name],
      inPlace: false,
      paramField: 'pooling_param',
      params,
      blobs: [],
    });
    // The pooled blob is N×C×1×1; InnerProduct and Flatten read it as is, anything else gets the [C] vector.
    const consumers = builder.consumersOf(layer.id);
    if (consumers.length > 0 && consumers.every((consumer) => consumer.type === 'Dense' || consumer.type === 'Flatten')) return { ref, shape: target };
    const flat = builder.unique(`${name}_flat`);
    return { ref: builder.add({ name: flat, type: caffeType('Flatten'), bottoms: [ref], tops: [flat], inPlace: false, params: {}, blobs: [] }), shape: target };
  };
}

const dense: Lowering = (context) => {
  const { params, name, inputs, target, builder } = context;
  const [input] = inputs;
  const units = params.units as number;
  const features = input!.shape[input!.shape.length - 1]!;
  const useBias = params.use_bias as boolean;
  const blobs: WeightTensor[] = [
    { name: `${name}.weight`, shape: [units, features], init: weightInit(params.activation as string, features, units) },
    ...(useBias ? [zeros(`${name}.bias`, [units])] : []),
  ];
  const ipParams: CaffeBlock = {
    num_output: units,
    ...(useBias ? {} : { bias_term: false }),
    // Applied per time step on a [T, F] sequence (blob N×T×F).
    ...(input!.shape.length === 2 ? { axis: 2 } : {}),
  };
  const ref = builder.add({
    name,
    type: caffeType('Dense'),
    bottoms: [input!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'inner_product_param',
    params: ipParams,
    blobs,
  });
  return withActivation(context, { ref, shape: target });
};

const flatten: Lowering = ({ name, inputs, target, builder }) => ({
  ref: builder.add({ name, type: caffeType('Flatten'), bottoms: [inputs[0]!.ref], tops: [name], inPlace: false, params: {}, blobs: [] }),
  shape: target,
});

function inPlaceTop(context: LoweringContext): { tops: string[]; inPlace: boolean } {
  const inPlace = context.builder.canWorkInPlace(context.layer);
  return { tops: [inPlace ? context.inputs[0]!.ref.blob : context.name], inPlace };
}

const dropout: Lowering = (context) => {
  const { params, name, inputs, target, builder } = context;
  const ref = builder.add({
    name,
    type: caffeType('Dropout'),
    bottoms: [inputs[0]!.ref],
    ...inPlaceTop(context),
    paramField: 'dropout_param',
    params: { dropout_ratio: params.rate as number },
    blobs: [],
  });
  return { ref, shape: target };
};

const batchNorm: Lowering = (context) => {
  const { layer, params, name, inputs, target, builder } = context;
  const shape = inputs[0]!.shape;
  if (shape.length === 2) {
    throw new UnsupportedLayerError('caffe', layer.id, layer.type, "Caffe's BatchNorm normalises axis 1, which is time, not features, for a [T, F] sequence");
  }
  const channels = shape[shape.length - 1]!;
  const epsilon = params.epsilon as number;
  const bnParams: CaffeBlock = { use_global_stats: true, ...(Math.abs(epsilon - 1e-5) > 1e-12 ? { eps: epsilon } : {}) };
  // Caffe's three blobs: running mean, running variance, and the factor both are divided by.
  const blobs = [zeros(`${name}.running_mean`, [channels]), ones(`${name}.running_var`, [channels]), ones(`${name}.factor`, [1])];
  const bn = builder.add({
    name,
    type: caffeType('BatchNorm'),
    bottoms: [inputs[0]!.ref],
    ...inPlaceTop(context),
    paramField: 'batch_norm_param',
    params: bnParams,
    blobs,
  });
  const scaleName = builder.unique(`${name}_scale`);
  const scaleBlobs = [ones(`${scaleName}.gamma`, [channels]), zeros(`${scaleName}.beta`, [channels])];
  const ref = builder.add({
    name: scaleName,
    type: 'Scale',
    bottoms: [bn],
    tops: [bn.blob],
    inPlace: true,
    paramField: 'scale_param',
    params: { bias_term: true },
    blobs: scaleBlobs,
  });
  return { ref, shape: target };
};

const lrn: Lowering = ({ params, name, inputs, target, builder }) => {
  const k = params.k as number;
  const lrnParams: CaffeBlock = { local_size: params.size as number, alpha: params.alpha as number, beta: params.beta as number, ...(k === 1 ? {} : { k }) };
  const ref = builder.add({
    name,
    type: caffeType('LRN'),
    bottoms: [inputs[0]!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'lrn_param',
    params: lrnParams,
    blobs: [],
  });
  return { ref, shape: target };
};

const activation: Lowering = (context) => {
  const { params, name, inputs } = context;
  const fn = params.fn as string;
  const inPlace = fn !== 'softmax' && context.builder.canWorkInPlace(context.layer);
  return appendActivation(context, fn, params.alpha as number, inputs[0]!, name, inPlace);
};

/** Caffe axis (with batch) of a channels-last graph axis. */
function caffeAxis(axis: number, rank: number): number {
  const positive = axis < 0 ? axis + rank : axis;
  if (rank === 3) return positive === 2 ? 1 : positive + 2;
  return positive + 1;
}

const concat: Lowering = ({ params, name, inputs, target, builder }) => {
  const axis = caffeAxis(params.axis as number, inputs[0]!.shape.length);
  const ref = builder.add({
    name,
    type: caffeType('Concat'),
    bottoms: inputs.map((input) => input.ref),
    tops: [name],
    inPlace: false,
    paramField: axis === 1 ? undefined : 'concat_param',
    params: axis === 1 ? {} : { axis },
    blobs: [],
  });
  return { ref, shape: target };
};

function eltwise(operation: 'SUM' | 'PROD'): Lowering {
  return ({ name, inputs, target, builder }) => {
    const params: CaffeBlock = { operation: new CaffeEnum(operation, 'Eltwise') };
    const ref = builder.add({
      name,
      type: caffeType('Add'),
      bottoms: inputs.map((input) => input.ref),
      tops: [name],
      inPlace: false,
      paramField: 'eltwise_param',
      params,
      blobs: [],
    });
    return { ref, shape: target };
  };
}

const embedding: Lowering = ({ params, name, inputs, target, builder }) => {
  const vocab = params.vocab as number;
  const dim = params.dim as number;
  const blobs: WeightTensor[] = [{ name: `${name}.weight`, shape: [vocab, dim], init: { kind: 'xavier', fanIn: vocab, fanOut: dim } }];
  const ref = builder.add({
    name,
    type: caffeType('Embedding'),
    bottoms: [inputs[0]!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'embed_param',
    params: { num_output: dim, input_dim: vocab, bias_term: false },
    blobs,
  });
  return { ref, shape: target };
};

const reshape: Lowering = ({ name, inputs, target, builder }) => {
  // dim 0 keeps the batch axis.
  const [, ...dims] = caffeDims(target);
  const params: CaffeBlock = { shape: { dim: [0, ...dims] } };
  const ref = builder.add({
    name,
    type: caffeType('Reshape'),
    bottoms: [inputs[0]!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'reshape_param',
    params,
    blobs: [],
  });
  return { ref, shape: target };
};

/** Keras' Cropping2D as Slice layers (Caffe's own Crop needs a reference blob of the cropped size). */
const cropping2d: Lowering = ({ params, name, inputs, target, builder }) => {
  const [top, bottom, left, right] = params.cropping as number[];
  const [h, w] = inputs[0]!.shape;
  const windows: Window[] = [];
  if (top! + bottom! > 0) windows.push({ axis: 2, begin: top!, length: target[0]!, size: h! });
  if (left! + right! > 0) windows.push({ axis: 3, begin: left!, length: target[1]!, size: w! });
  if (windows.length === 0) return { ...inputs[0]!, shared: true };
  const note = `${name}: keep rows ${top}..${top! + target[0]! - 1} and columns ${left}..${left! + target[1]! - 1}`;
  return { ref: keepWindows(builder, name, inputs[0]!.ref, windows, note, name), shape: target };
};

const FOLDS_PADDING = new Set(['Conv2D', 'DepthwiseConv2D', 'ZeroPadding2D']);

/**
 * Caffe has no padding layer, but a convolution's own pad adds the same zeros: fold the padding into
 * the convolutions it feeds, or else pad with a 1×1 depthwise convolution of fixed unit weights.
 */
const zeroPadding2d: Lowering = ({ layer, params, name, inputs, target, builder }) => {
  const [ph, pw] = pair(params.padding);
  const [eh, ew] = inputs[0]!.extraPad ?? [0, 0];
  const consumers = builder.consumersOf(layer.id);
  if (!builder.isOutput(layer.id) && consumers.every((c) => FOLDS_PADDING.has(c.type))) {
    return { ref: inputs[0]!.ref, shape: target, extraPad: [eh + ph, ew + pw] };
  }
  const channels = target[2]!;
  const convParams: CaffeBlock = {
    num_output: channels,
    bias_term: false,
    ...axisFields('pad', [eh + ph, ew + pw], 0),
    kernel_size: 1,
    group: channels,
  };
  const blobs: WeightTensor[] = [ones(`${name}.weight`, [channels, 1, 1, 1])];
  const note = 'zero padding: a 1x1 depthwise convolution with unit weights';
  const ref = builder.add({
    name,
    type: caffeType('ZeroPadding2D'),
    bottoms: [inputs[0]!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'convolution_param',
    params: convParams,
    blobs,
    frozen: true,
    note,
  });
  return { ref, shape: target };
};

/** Bilinear upsampling kernel of FCN (Long et al.), one per channel. */
function bilinearKernel(channels: number, [kh, kw]: [number, number], [fh, fw]: [number, number]): Float32Array {
  const weight = (k: number, f: number, i: number): number => {
    const centre = k % 2 === 1 ? f - 1 : f - 0.5;
    return 1 - Math.abs(i - centre) / f;
  };
  const values = new Float32Array(channels * kh * kw);
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) values[(c * kh + y) * kw + x] = weight(kh, fh, y) * weight(kw, fw, x);
  }
  return values;
}

/** Upsampling as a fixed-weight depthwise Deconvolution: kernel = stride = factor for nearest, FCN's bilinear kernel otherwise. */
const upSampling2d: Lowering = ({ params, name, inputs, target, builder }) => {
  const channels = inputs[0]!.shape[2]!;
  const factor = pair(params.size);
  const nearest = params.interpolation === 'nearest';
  const kernel: [number, number] = nearest ? factor : [2 * factor[0] - (factor[0] % 2), 2 * factor[1] - (factor[1] % 2)];
  const pad: [number, number] = nearest ? [0, 0] : [Math.ceil((factor[0] - 1) / 2), Math.ceil((factor[1] - 1) / 2)];
  const values = nearest ? new Float32Array(channels * kernel[0] * kernel[1]).fill(1) : bilinearKernel(channels, kernel, factor);
  const convParams: CaffeBlock = {
    num_output: channels,
    bias_term: false,
    ...axisFields('pad', pad, 0),
    ...axisFields('kernel_size', kernel),
    group: channels,
    ...axisFields('stride', factor, 1),
  };
  const blobs: WeightTensor[] = [{ name: `${name}.weight`, shape: [channels, 1, ...kernel], init: { kind: 'values', values } }];
  const note = `${params.interpolation} upsampling: a depthwise deconvolution with fixed weights`;
  const ref = builder.add({
    name,
    type: caffeType('UpSampling2D'),
    bottoms: [inputs[0]!.ref],
    tops: [name],
    inPlace: false,
    paramField: 'convolution_param',
    params: convParams,
    blobs,
    frozen: true,
    note,
  });
  return { ref, shape: target };
};

const input: Lowering = ({ params, name, builder }) => {
  const shape = params.shape as number[];
  const ref: BlobRef = builder.add({
    name,
    type: caffeType('Input'),
    bottoms: [],
    tops: [name],
    inPlace: false,
    paramField: 'input_param',
    params: { shape: { dim: caffeDims(shape) } as Record<string, CaffeValue> },
    blobs: [],
  });
  return { ref, shape: [...shape] };
};

/** Every layer type's Caffe layers; a new catalog type fails to compile here until it is given one. */
export const CAFFE_LOWERINGS: Record<LayerType, Lowering | Unsupported> = {
  Input: input,
  Conv2D: conv2d,
  DepthwiseConv2D: depthwiseConv2d,
  Conv2DTranspose: conv2dTranspose,
  MaxPool2D: windowPool('MAX'),
  AvgPool2D: windowPool('AVE'),
  GlobalAvgPool2D: globalPool('AVE'),
  GlobalMaxPool2D: globalPool('MAX'),
  Dense: dense,
  Flatten: flatten,
  Dropout: dropout,
  BatchNorm: batchNorm,
  LRN: lrn,
  Activation: activation,
  Concat: concat,
  Add: eltwise('SUM'),
  Multiply: eltwise('PROD'),
  Embedding: embedding,
  Reshape: reshape,
  ZeroPadding2D: zeroPadding2d,
  UpSampling2D: upSampling2d,
  Cropping2D: cropping2d,
  Conv1D: catalogRefusal('Conv1D', 'caffe'),
  MaxPool1D: catalogRefusal('MaxPool1D', 'caffe'),
  AvgPool1D: catalogRefusal('AvgPool1D', 'caffe'),
  GlobalMaxPool1D: catalogRefusal('GlobalMaxPool1D', 'caffe'),
  GlobalAvgPool1D: catalogRefusal('GlobalAvgPool1D', 'caffe'),
  LayerNorm: catalogRefusal('LayerNorm', 'caffe'),
  SimpleRNN: catalogRefusal('SimpleRNN', 'caffe'),
  LSTM: catalogRefusal('LSTM', 'caffe'),
  GRU: catalogRefusal('GRU', 'caffe'),
  Permute: catalogRefusal('Permute', 'caffe'),
  MultiHeadAttention: catalogRefusal('MultiHeadAttention', 'caffe'),
  DotProductAttention: catalogRefusal('DotProductAttention', 'caffe'),
};
