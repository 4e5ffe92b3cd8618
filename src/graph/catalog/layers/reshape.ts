/** Shape-changing layers without weights: Reshape, Permute, ZeroPadding2D, UpSampling2D. */
import { asPair, describe, product, requireRank } from '../shape-rules.ts';
import { ShapeError, type LayerSpec } from '../spec.ts';

export const reshape: LayerSpec = {
  type: 'Reshape',
  category: 'reshape',
  doc: 'Reshape to a target shape (one entry may be -1)',
  aliases: [{ text: 'reshape' }, { text: 'view' }],
  params: [{ name: 'shape', kind: 'ints', default: [-1], min: -1, max: 1_000_000, doc: 'Target shape without batch; one entry may be -1' }],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape], params) => {
    const target = [...(params.shape as number[])];
    const total = product(inputShape!);
    const unknown = target.filter((d) => d === -1).length;
    if (unknown > 1) throw new ShapeError('Reshape allows at most one -1 entry', 'shape');
    const known = product(target.filter((d) => d !== -1));
    if (unknown === 1) {
      if (known === 0 || total % known !== 0) throw new ShapeError(`Reshape cannot turn ${describe(inputShape!)} into ${describe(target)}`, 'shape');
      target[target.indexOf(-1)] = total / known;
    } else if (known !== total) {
      throw new ShapeError(`Reshape cannot turn ${describe(inputShape!)} (${total} values) into ${describe(target)} (${known} values)`, 'shape');
    }
    return target;
  },
  targets: {
    keras: { className: 'Reshape' },
    caffe: { type: 'Reshape' },
    pytorch: {},
    onnx: { op: 'Reshape' },
  },
  traits: { reads: 'any' },
};

export const permute: LayerSpec = {
  type: 'Permute',
  category: 'reshape',
  doc: 'Reorder the axes (1-based, batch excluded, as in Keras)',
  aliases: [{ text: 'permute' }, { text: 'transpose' }],
  params: [{ name: 'dims', kind: 'ints', default: [2, 1], min: 1, max: 8, doc: 'New order of the axes, 1-based' }],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape], params) => {
    const dims = params.dims as number[];
    const sorted = [...dims].sort((a, b) => a - b);
    if (dims.length !== inputShape!.length || sorted.some((d, i) => d !== i + 1)) {
      throw new ShapeError(`Permute dims ${describe(dims)} is not an order of the ${inputShape!.length} axes of ${describe(inputShape!)}`, 'dims');
    }
    return dims.map((d) => inputShape![d - 1]!);
  },
  targets: {
    keras: { className: 'Permute' },
    caffe: { unsupported: 'Caffe has no standard Permute layer (only the SSD fork does)' },
    pytorch: {},
    onnx: { op: 'Transpose' },
  },
  traits: { reads: 'any' },
};

export const zeroPadding2d: LayerSpec = {
  type: 'ZeroPadding2D',
  category: 'reshape',
  doc: 'Pad height and width with zeros',
  aliases: [{ text: 'zero padding' }, { text: 'zeropadding2d' }, { text: 'pad' }, { text: 'padding' }],
  params: [{ name: 'padding', kind: 'pair', default: [1, 1], min: 0, max: 1024, doc: 'Zeros added on each side [h, w]' }],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape], params) => {
    requireRank(inputShape!, [3], 'ZeroPadding2D');
    const [ph, pw] = asPair(params.padding!);
    return [inputShape![0]! + 2 * ph, inputShape![1]! + 2 * pw, inputShape![2]!];
  },
  targets: {
    keras: { className: 'ZeroPadding2D' },
    // Caffe has no padding layer: folded into the next convolution's pad, else a fixed 1×1 depthwise convolution.
    caffe: { type: 'Convolution' },
    pytorch: { module: 'ZeroPad2d' },
    onnx: { op: 'Pad' },
  },
};

export const upSampling2d: LayerSpec = {
  type: 'UpSampling2D',
  category: 'reshape',
  doc: 'Repeat rows and columns (nearest) or interpolate (bilinear)',
  aliases: [{ text: 'upsampling' }, { text: 'upsample' }, { text: 'up-sampling' }, { text: 'unpooling' }, { text: 'UpSampling2D' }],
  params: [
    { name: 'size', kind: 'pair', default: [2, 2], min: 1, max: 64, doc: 'Scale factor [h, w]' },
    { name: 'interpolation', kind: 'enum', default: 'nearest', options: ['nearest', 'bilinear'], doc: 'How new pixels are filled' },
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape], params) => {
    requireRank(inputShape!, [3], 'UpSampling2D');
    const [sh, sw] = asPair(params.size!);
    return [inputShape![0]! * sh, inputShape![1]! * sw, inputShape![2]!];
  },
  targets: {
    keras: { className: 'UpSampling2D' },
    // Caffe has no upsampling layer: a Deconvolution with fixed (nearest or bilinear) weights.
    caffe: { type: 'Deconvolution' },
    pytorch: { module: 'Upsample' },
    onnx: { op: 'Resize' },
  },
};

export const cropping2d: LayerSpec = {
  type: 'Cropping2D',
  category: 'reshape',
  doc: 'Cut rows and columns off the borders (U-Net skip connections, FCN score crops)',
  aliases: [{ text: 'crop' }, { text: 'cropping' }, { text: 'cropping2d' }, { text: 'Crop' }],
  params: [{ name: 'cropping', kind: 'ints', default: [0, 0, 0, 0], min: 0, max: 4096, doc: 'Rows/columns removed [top, bottom, left, right]' }],
  arity: { min: 1, max: 1 },
  outputShape: ([inputShape], params) => {
    requireRank(inputShape!, [3], 'Cropping2D');
    const cropping = params.cropping as number[];
    if (cropping.length !== 4) throw new ShapeError(`cropping needs [top, bottom, left, right], got ${describe(cropping)}`, 'cropping');
    const [t, b, l, r] = cropping as [number, number, number, number];
    const h = inputShape![0]! - t - b;
    const w = inputShape![1]! - l - r;
    if (h < 1 || w < 1) throw new ShapeError(`cropping ${describe(cropping)} removes all of a ${describe(inputShape!)} input`, 'cropping');
    return [h, w, inputShape![2]!];
  },
  targets: {
    keras: { className: 'Cropping2D' },
    // Caffe's Crop takes its size from a reference blob; Slice gives the exact rows and columns.
    caffe: { type: 'Slice' },
    pytorch: {},
    onnx: { op: 'Slice' },
  },
};
