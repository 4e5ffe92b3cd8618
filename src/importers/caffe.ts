/**
 * Caffe prototxt (V2 `layer {}` and V1 `layers {}`) → paper2net graph. Blobs are resolved by name, so
 * in-place layers (ReLU, BatchNorm, Dropout with top == bottom) become their own layers chained in
 * file order; a Scale right after a BatchNorm is folded into it (Caffe splits BN into the two).
 * Shapes are NCHW in Caffe and channels-last in the graph.
 */
import type { Graph, Params, Shape } from '../graph/index.ts';
import { GraphBuilder } from './builder.ts';
import { ImportError, type ImportPosition } from './errors.ts';
import { SpatialSlices, type PoolWindow } from './caffe-slices.ts';
import { parsePrototxt, type TextMessage } from './prototxt.ts';

/** V1 `type: INNER_PRODUCT` enum → V2 type string. */
const V1_TYPES: Record<string, string> = {
  ABSVAL: 'AbsVal',
  ACCURACY: 'Accuracy',
  ARGMAX: 'ArgMax',
  BNLL: 'BNLL',
  CONCAT: 'Concat',
  CONTRASTIVE_LOSS: 'ContrastiveLoss',
  CONVOLUTION: 'Convolution',
  DATA: 'Data',
  DECONVOLUTION: 'Deconvolution',
  DROPOUT: 'Dropout',
  DUMMY_DATA: 'DummyData',
  EUCLIDEAN_LOSS: 'EuclideanLoss',
  ELTWISE: 'Eltwise',
  EXP: 'Exp',
  FLATTEN: 'Flatten',
  HDF5_DATA: 'HDF5Data',
  HDF5_OUTPUT: 'HDF5Output',
  HINGE_LOSS: 'HingeLoss',
  IM2COL: 'Im2col',
  IMAGE_DATA: 'ImageData',
  INFOGAIN_LOSS: 'InfogainLoss',
  INNER_PRODUCT: 'InnerProduct',
  LRN: 'LRN',
  MEMORY_DATA: 'MemoryData',
  MULTINOMIAL_LOGISTIC_LOSS: 'MultinomialLogisticLoss',
  MVN: 'MVN',
  POOLING: 'Pooling',
  POWER: 'Power',
  RELU: 'ReLU',
  SIGMOID: 'Sigmoid',
  SIGMOID_CROSS_ENTROPY_LOSS: 'SigmoidCrossEntropyLoss',
  SILENCE: 'Silence',
  SOFTMAX: 'Softmax',
  SOFTMAX_LOSS: 'SoftmaxWithLoss',
  SPLIT: 'Split',
  SLICE: 'Slice',
  TANH: 'TanH',
  WINDOW_DATA: 'WindowData',
  THRESHOLD: 'Threshold',
};

const DATA_FROM_STORAGE = new Set(['Data', 'ImageData', 'HDF5Data', 'WindowData', 'AnnotatedData', 'VideoData']);
const TRAINING_ONLY = new Set(['Accuracy', 'HDF5Output']);

/** NCHW dims (batch first) → channels-last shape without batch. */
function channelsLast(dims: number[]): Shape {
  const [, ...rest] = dims;
  if (rest.length === 3) return [rest[1]!, rest[2]!, rest[0]!];
  if (rest.length === 2) return [rest[1]!, rest[0]!];
  return rest;
}

/** NCHW axis → channels-last axis of a rank-`rank` graph shape. */
function graphAxis(caffeAxis: number, rank: number): number | undefined {
  const axis = caffeAxis < 0 ? caffeAxis + rank + 1 : caffeAxis;
  if (axis === 1) return -1;
  if (rank === 3 && (axis === 2 || axis === 3)) return axis - 2;
  return undefined;
}

function isLossLayer(type: string): boolean {
  return type.endsWith('Loss');
}

interface LayerContext {
  layer: TextMessage;
  type: string;
  name: string;
  position: ImportPosition;
  inputs: string[];
  /** Pool with floor rounding: a Slice before it trimmed what Caffe's upward rounding would add. */
  floor?: boolean;
}

/** Reads a [h, w] pair from `kernel_size: 3` / `kernel_size: 3 kernel_size: 5` / `kernel_h: 3 kernel_w: 5`. */
function pairOf(
  p: TextMessage | undefined,
  field: string,
  hField: string,
  wField: string,
  fallback: number | undefined,
  position: ImportPosition,
): [number, number] {
  const values = p?.numbers(field) ?? [];
  const h = p?.number(hField);
  const w = p?.number(wField);
  if (h !== undefined || w !== undefined) return [h ?? values[0] ?? fallback ?? 1, w ?? values[0] ?? fallback ?? 1];
  if (values.length === 1) return [values[0]!, values[0]!];
  if (values.length === 2) return [values[0]!, values[1]!];
  if (values.length > 2) throw new ImportError('caffe', `${field} has ${values.length} values; only 2-D layers are supported`, position);
  if (fallback === undefined) throw new ImportError('caffe', `${field} is missing`, position);
  return [fallback, fallback];
}

const isOne = (pair: [number, number]) => pair[0] === 1 && pair[1] === 1;
const padding = (pad: [number, number]) => (pad[0] === 0 && pad[1] === 0 ? 'valid' : pad);

export function importCaffePrototxt(text: string, fileName?: string): Graph {
  const root = parsePrototxt(text);
  const b = new GraphBuilder('caffe');
  /** blob name → id of the graph layer that last wrote it */
  const blobs = new Map<string, string>();
  /** blob name → why it has no graph layer (a Data layer's label, a dropped loss) */
  const missing = new Map<string, string>();

  const slices = new SpatialSlices(b);

  addNetInputs(root, b, blobs);

  const v1 = root.all('layers').length > 0 && root.all('layer').length === 0;
  root.messages(v1 ? 'layers' : 'layer').forEach((layer, index) => {
    const name = layer.text('name') ?? `layer${index}`;
    const position: ImportPosition = { line: layer.lineOf('type'), name };
    const rawType = layer.text('type');
    if (rawType === undefined) throw new ImportError('caffe', 'layer has no type', position);
    const type = v1 ? (V1_TYPES[rawType] ?? rawType) : rawType;
    if (layer.messages('include').some((rule) => rule.text('phase') === 'TRAIN')) {
      b.warn(`skipped "${name}" (${type}): included only in the TRAIN phase`);
      return;
    }
    const tops = layer.scalars('top').map((s) => String(s.value));
    const bottoms = layer.scalars('bottom').map((s) => String(s.value));

    if (DATA_FROM_STORAGE.has(type)) {
      addStorageData(layer, type, name, tops, position, b, blobs, missing);
      return;
    }
    if (TRAINING_ONLY.has(type) || isLossLayer(type)) {
      b.warn(`dropped training-only layer "${name}" (${type})`);
      for (const top of tops) missing.set(top, `it comes from the training-only layer "${name}" (${type})`);
      return;
    }
    if (type === 'Input' || type === 'DummyData' || type === 'MemoryData') {
      addInputLayer(layer, type, name, tops, position, b, blobs);
      return;
    }
    // Silence only swallows blobs nobody else reads (such as a Slice's remainder).
    if (type === 'Silence') return;
    if (type === 'Slice' && bottoms.length === 1) {
      const input = slices.has(bottoms[0]!) ? { crop: bottoms[0]! } : { layer: blobs.get(bottoms[0]!) ?? '' };
      if ('layer' in input && !input.layer) throw new ImportError('caffe', `bottom "${bottoms[0]}" is not produced by any earlier layer or input`, position);
      slices.slice(layer, name, position, input, tops);
      return;
    }
    const window = type === 'Pooling' && bottoms.length === 1 ? poolWindow(layer, position) : undefined;
    const floorSource = window ? slices.floorSource(bottoms[0]!, window) : undefined;
    const inputs = bottoms.map((bottom) => {
      if (floorSource !== undefined) return floorSource;
      const id = blobs.get(bottom);
      if (id !== undefined) return id;
      if (slices.has(bottom)) {
        const cropped = slices.layerFor(bottom);
        blobs.set(bottom, cropped);
        return cropped;
      }
      const why = missing.get(bottom);
      throw new ImportError(
        'caffe',
        why ? `bottom "${bottom}" cannot be used: ${why}` : `bottom "${bottom}" is not produced by any earlier layer or input`,
        position,
      );
    });
    if (inputs.length === 0) throw new ImportError('caffe', `${type} layer has no bottom`, position);
    if (type === 'Split') {
      for (const top of tops) blobs.set(top, inputs[0]!);
      return;
    }
    if (type === 'Scale' && foldIntoBatchNorm(layer, inputs[0]!, b)) {
      if (tops[0] !== undefined) blobs.set(tops[0], inputs[0]!);
      return;
    }
    const id = convertLayer({ layer, type, name, position, inputs, floor: floorSource !== undefined }, b);
    if (tops.length > 1) throw new ImportError('caffe', `${type} with ${tops.length} tops is not supported`, position);
    blobs.set(tops[0] ?? name, id);
  });
  if (b.layers.length === 0) throw new ImportError('caffe', 'no layers found', { line: 1 });
  return b.build(root.text('name') ?? baseName(fileName), fileName);
}

function baseName(fileName: string | undefined): string {
  return (fileName ?? 'caffe-model').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** Net-level `input: "data"` with `input_dim` ×4 or `input_shape { dim: ... }`. */
function addNetInputs(root: TextMessage, b: GraphBuilder, blobs: Map<string, string>): void {
  const names = root.scalars('input').map((s) => String(s.value));
  const shapes = root.messages('input_shape').map((m) => m.numbers('dim'));
  const flatDims = root.numbers('input_dim');
  names.forEach((name, i) => {
    const position = { line: root.all('input')[i]!.line, name };
    const dims = shapes[i] ?? (flatDims.length >= 4 * (i + 1) ? flatDims.slice(4 * i, 4 * i + 4) : undefined);
    if (!dims) throw new ImportError('caffe', `input "${name}" has no input_dim or input_shape`, position);
    blobs.set(name, b.add({ id: name, type: 'Input', params: { shape: channelsLast(dims) } }, position));
  });
}

function addInputLayer(
  layer: TextMessage,
  type: string,
  name: string,
  tops: string[],
  position: ImportPosition,
  b: GraphBuilder,
  blobs: Map<string, string>,
): void {
  let shapes: number[][];
  if (type === 'MemoryData') {
    const p = layer.message('memory_data_param');
    shapes = [[1, p?.number('channels') ?? 1, p?.number('height') ?? 1, p?.number('width') ?? 1]];
  } else {
    const p = layer.message(type === 'Input' ? 'input_param' : 'dummy_data_param');
    shapes = (p?.messages('shape') ?? []).map((s) => s.numbers('dim'));
  }
  if (shapes.length === 0) throw new ImportError('caffe', `${type} layer has no shape`, position);
  tops.forEach((top, i) => {
    const dims = shapes[Math.min(i, shapes.length - 1)]!;
    const id = b.add({ id: tops.length > 1 ? top : name, type: 'Input', params: { shape: channelsLast(dims) } }, position);
    blobs.set(top, id);
  });
}

/** Data layers read shapes from a database; a crop size gives the image size, else the net cannot be sized. */
function addStorageData(
  layer: TextMessage,
  type: string,
  name: string,
  tops: string[],
  position: ImportPosition,
  b: GraphBuilder,
  blobs: Map<string, string>,
  missing: Map<string, string>,
): void {
  const crop = layer.message('transform_param')?.number('crop_size');
  const [data, ...labels] = tops;
  for (const label of labels) missing.set(label, `it is the label output of the Data layer "${name}"`);
  if (data === undefined) return;
  if (crop !== undefined && !blobs.has(data)) {
    const id = b.add({ id: data, type: 'Input', params: { shape: [crop, crop, 3] }, inferred: ['shape'] }, position);
    blobs.set(data, id);
    b.warn(`${type} layer "${name}": input shape taken from crop_size ${crop}, 3 channels assumed`);
  } else if (!blobs.has(data)) {
    missing.set(
      data,
      `it comes from the ${type} layer "${name}" (line ${position.line}), whose shape lives in the database; add an Input layer with input_param { shape { dim: ... } }`,
    );
  } else {
    b.warn(`dropped ${type} layer "${name}": the net also declares an input "${data}"`);
  }
}

/** A Scale whose input is a BatchNorm is the BN's learned affine part: fold it in. */
function foldIntoBatchNorm(layer: TextMessage, input: string, b: GraphBuilder): boolean {
  const producer = b.layer(input);
  if (producer?.type !== 'BatchNorm') return false;
  if (layer.message('scale_param')?.bool('bias_term') === false)
    b.warn(`Scale "${layer.text('name')}" after BatchNorm "${input}" has no bias; folded into the BatchNorm`);
  return true;
}

function convertLayer(ctx: LayerContext, b: GraphBuilder): string {
  const { layer, type, name, position, inputs } = ctx;
  const add = (layerType: string, params: Params, layerInputs = inputs) => b.add({ id: name, type: layerType, inputs: layerInputs, params }, position);
  const activation = (fn: string, extra: Params = {}) => add('Activation', { fn, ...extra });
  switch (type) {
    case 'Convolution':
    case 'Deconvolution':
      return convolution(ctx, b);
    case 'InnerProduct': {
      const p = layer.message('inner_product_param');
      const units = p?.number('num_output');
      if (units === undefined) throw new ImportError('caffe', 'InnerProduct has no num_output', position);
      if ((p?.number('axis') ?? 1) !== 1) throw new ImportError('caffe', 'InnerProduct with axis other than 1 is not supported', position);
      return add('Dense', { units, ...(p?.bool('bias_term') === false ? { use_bias: false } : {}) }, [b.vector(inputs[0]!, position)]);
    }
    case 'Pooling':
      return pooling(ctx, b);
    case 'ReLU': {
      const slope = layer.message('relu_param')?.number('negative_slope') ?? 0;
      return slope ? activation('leaky_relu', { alpha: slope }) : activation('relu');
    }
    case 'PReLU':
      return activation('prelu');
    case 'Sigmoid':
      return activation('sigmoid');
    case 'TanH':
      return activation('tanh');
    case 'ELU':
      return activation('elu', { alpha: layer.message('elu_param')?.number('alpha') ?? 1 });
    case 'Softmax': {
      const axis = layer.message('softmax_param')?.number('axis') ?? 1;
      if (axis !== 1) b.warn(`Softmax "${name}" over NCHW axis ${axis} imported as a softmax over channels`);
      return activation('softmax');
    }
    case 'BatchNorm': {
      const p = layer.message('batch_norm_param');
      return add('BatchNorm', { epsilon: p?.number('eps') ?? 1e-5, momentum: p?.number('moving_average_fraction') ?? 0.999 });
    }
    case 'LRN': {
      const p = layer.message('lrn_param');
      if (p?.text('norm_region') === 'WITHIN_CHANNEL') b.warn(`LRN "${name}" normalises WITHIN_CHANNEL; imported as an across-channel LRN`);
      return add('LRN', { size: p?.number('local_size') ?? 5, alpha: p?.number('alpha') ?? 1, beta: p?.number('beta') ?? 0.75, k: p?.number('k') ?? 1 });
    }
    case 'Dropout':
      return add('Dropout', { rate: layer.message('dropout_param')?.number('dropout_ratio') ?? 0.5 });
    case 'Concat': {
      const p = layer.message('concat_param');
      const caffeAxis = p?.number('axis') ?? p?.number('concat_dim') ?? 1;
      const axis = graphAxis(caffeAxis, b.shapeOf(inputs[0]!).length);
      if (axis === undefined) throw new ImportError('caffe', `Concat along NCHW axis ${caffeAxis} is not supported`, position);
      return add('Concat', { axis });
    }
    case 'Eltwise': {
      const p = layer.message('eltwise_param');
      const op = p?.text('operation') ?? 'SUM';
      const coeffs = p?.numbers('coeff') ?? [];
      if (coeffs.some((c) => c !== 1)) throw new ImportError('caffe', `Eltwise with coeff ${coeffs.join(', ')} (a weighted sum) is not supported`, position);
      if (op === 'SUM') return add('Add', {});
      if (op === 'PROD') return add('Multiply', {});
      throw new ImportError('caffe', `Eltwise operation ${op} is not supported (only SUM and PROD)`, position);
    }
    case 'Flatten': {
      const p = layer.message('flatten_param');
      if ((p?.number('axis') ?? 1) !== 1 || (p?.number('end_axis') ?? -1) !== -1)
        throw new ImportError('caffe', 'Flatten over part of the axes is not supported', position);
      return add('Flatten', {});
    }
    case 'Reshape':
      return reshape(ctx, b);
    case 'Crop':
      return crop(ctx, b);
    case 'Embed': {
      const p = layer.message('embed_param');
      const vocab = p?.number('input_dim');
      const dim = p?.number('num_output');
      if (vocab === undefined || dim === undefined) throw new ImportError('caffe', 'Embed needs input_dim and num_output', position);
      return add('Embedding', { vocab, dim });
    }
    case 'Scale':
      throw new ImportError('caffe', 'a Scale layer that does not follow a BatchNorm has no paper2net equivalent', position);
    default:
      throw new ImportError('caffe', `unsupported layer type "${type}"`, position);
  }
}

function convolution({ layer, type, name, position, inputs }: LayerContext, b: GraphBuilder): string {
  const p = layer.message('convolution_param');
  const filters = p?.number('num_output');
  if (filters === undefined) throw new ImportError('caffe', `${type} has no num_output`, position);
  const kernel = pairOf(p, 'kernel_size', 'kernel_h', 'kernel_w', undefined, position);
  const stride = pairOf(p, 'stride', 'stride_h', 'stride_w', 1, position);
  const pad = pairOf(p, 'pad', 'pad_h', 'pad_w', 0, position);
  const dilation = pairOf(p, 'dilation', 'dilation_h', 'dilation_w', 1, position);
  const groups = p?.number('group') ?? 1;
  const bias: Params = p?.bool('bias_term') === false ? { use_bias: false } : {};
  const input = b.spatial(inputs[0]!, position);
  if (type === 'Deconvolution') {
    if (groups !== 1 || !isOne(dilation)) throw new ImportError('caffe', 'Deconvolution with group or dilation is not supported', position);
    return b.add({ id: name, type: 'Conv2DTranspose', inputs: [input], params: { filters, kernel, stride, padding: padding(pad), ...bias } }, position);
  }
  const channels = b.shapeOf(input).at(-1)!;
  if (groups > 1 && groups === channels && filters % channels === 0 && isOne(dilation)) {
    const params: Params = { kernel, stride, padding: padding(pad), depth_multiplier: filters / channels, ...bias };
    return b.add({ id: name, type: 'DepthwiseConv2D', inputs: [input], params }, position);
  }
  const params: Params = { filters, kernel, stride, padding: padding(pad) };
  if (!isOne(dilation)) params.dilation = dilation;
  if (groups !== 1) params.groups = groups;
  return b.add({ id: name, type: 'Conv2D', inputs: [input], params: { ...params, ...bias } }, position);
}

/** Window and stride of a non-global, unpadded pool (the only kind a Slice-crop can be folded into). */
function poolWindow(layer: TextMessage, position: ImportPosition): PoolWindow | undefined {
  const p = layer.message('pooling_param');
  if (p?.bool('global_pooling') || !isZero(pairOf(p, 'pad', 'pad_h', 'pad_w', 0, position))) return undefined;
  return { pool: pairOf(p, 'kernel_size', 'kernel_h', 'kernel_w', undefined, position), stride: pairOf(p, 'stride', 'stride_h', 'stride_w', 1, position) };
}

const isZero = (pair: [number, number]) => pair[0] === 0 && pair[1] === 0;

function pooling({ layer, name, position, inputs, floor }: LayerContext, b: GraphBuilder): string {
  const p = layer.message('pooling_param');
  const method = p?.text('pool') ?? 'MAX';
  if (method !== 'MAX' && method !== 'AVE') throw new ImportError('caffe', `pooling method ${method} is not supported`, position);
  if (p?.bool('global_pooling')) {
    return b.add({ id: name, type: method === 'MAX' ? 'GlobalMaxPool2D' : 'GlobalAvgPool2D', inputs }, position);
  }
  const pool = pairOf(p, 'kernel_size', 'kernel_h', 'kernel_w', undefined, position);
  const stride = pairOf(p, 'stride', 'stride_h', 'stride_w', 1, position);
  const pad = pairOf(p, 'pad', 'pad_h', 'pad_w', 0, position);
  const ceil = !floor && p?.text('round_mode') !== 'FLOOR';
  const params = { pool, stride, padding: padding(pad), ceil_mode: ceil };
  return b.add({ id: name, type: method === 'MAX' ? 'MaxPool2D' : 'AvgPool2D', inputs, params }, position);
}

/** Caffe Reshape dims are NCHW with 0 = copy that axis and -1 = infer. */
function reshape({ layer, name, position, inputs }: LayerContext, b: GraphBuilder): string {
  const p = layer.message('reshape_param');
  const dims = p?.message('shape')?.numbers('dim') ?? [];
  if ((p?.number('axis') ?? 0) !== 0 || dims.length < 2) throw new ImportError('caffe', 'Reshape must give the full NCHW shape (axis 0)', position);
  const shape = b.shapeOf(inputs[0]!);
  const nchw = shape.length === 3 ? [1, shape[2]!, shape[0]!, shape[1]!] : [1, ...shape];
  const target = dims.map((d, i) => (d === 0 ? nchw[i]! : d));
  if (target.length === 2) return b.add({ id: name, type: 'Flatten', inputs }, position);
  return b.add({ id: name, type: 'Reshape', inputs, params: { shape: channelsLast(target) } }, position);
}

/** Crop bottom[0] to the spatial size of bottom[1]; the reference input only supplies a size. */
function crop({ layer, name, position, inputs }: LayerContext, b: GraphBuilder): string {
  if (inputs.length !== 2) throw new ImportError('caffe', 'Crop needs two bottoms (the blob and the reference)', position);
  const p = layer.message('crop_param');
  const axis = p?.number('axis') ?? 2;
  const offsets = p?.numbers('offset') ?? [];
  if (axis !== 2) throw new ImportError('caffe', `Crop from axis ${axis} is not supported (only spatial crops, axis 2)`, position);
  const [top, left] = offsets.length === 0 ? [0, 0] : offsets.length === 1 ? [offsets[0]!, offsets[0]!] : [offsets[0]!, offsets[1]!];
  const [h, w] = b.shapeOf(inputs[0]!);
  const [refH, refW] = b.shapeOf(inputs[1]!);
  const bottom = h! - refH! - top;
  const right = w! - refW! - left;
  if (bottom < 0 || right < 0) throw new ImportError('caffe', `Crop at offset ${top},${left} to ${refH}x${refW} does not fit a ${h}x${w} input`, position);
  b.warn(`Crop "${name}": reference input "${inputs[1]}" only sets the size; imported as a fixed Cropping2D`);
  return b.add({ id: name, type: 'Cropping2D', inputs: [inputs[0]!], params: { cropping: [top, bottom, left, right] } }, position);
}
