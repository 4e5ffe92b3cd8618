/** Convolutions: Conv1D, Conv2D, Conv2DTranspose, DepthwiseConv2D. */
import type { Params, Shape } from '../../types.ts';
import { activationParam, kernelPair, padding2dParam, strideParam, unitsParam, useBiasParam } from '../common-params.ts';
import { asPair, describe, paddingPerAxis, requireRank, windowOutput } from '../shape-rules.ts';
import { ShapeError, type LayerSpec } from '../spec.ts';
import { KERAS_CONV_ARGS, TORCH_CONV_ARGS } from '../constructorArgs.ts';

function spatialOutput(input: Shape, params: Params, channels: number, what: string): Shape {
  requireRank(input, [3], what);
  const [kh, kw] = asPair(params.kernel!);
  const [sh, sw] = asPair(params.stride!);
  const [dh, dw] = asPair(params.dilation ?? 1);
  const [ph, pw] = paddingPerAxis(params.padding!);
  const h = windowOutput(input[0]!, kh, sh, ph, dh);
  const w = windowOutput(input[1]!, kw, sw, pw, dw);
  if (h < 1 || w < 1) {
    throw new ShapeError(`${what} kernel [${kh},${kw}] does not fit a ${describe(input)} input`, 'kernel');
  }
  return [h, w, channels];
}

function checkGroups(input: Shape, params: Params): void {
  const groups = params.groups as number;
  const channels = input[input.length - 1]!;
  if (channels % groups !== 0 || (params.filters as number) % groups !== 0) {
    throw new ShapeError(`groups ${groups} must divide the ${channels} input channels and ${params.filters} filters`, 'groups');
  }
}

/** Nouns that count a convolution's output channels in running text. */
const FILTER_NOUNS = ['filters', 'kernels', 'feature maps', 'maps', 'channels', 'output channels', 'convolution kernels'];

const groupsParam = { name: 'groups', kind: 'int', default: 1, min: 1, max: 4096, doc: 'Channel groups (AlexNet used 2)' } as const;

export const conv2d: LayerSpec = {
  type: 'Conv2D',
  category: 'convolution',
  doc: '2-D convolution over [H, W, C]',
  aliases: [
    { text: 'conv' },
    { text: 'conv2d' },
    { text: 'convolution' },
    { text: 'convolution2d' },
    { text: 'convolutional' },
    { text: 'convolutional layer' },
    { text: 'conv layer' },
    { text: 'Convolution2D' },
    { text: 'pointwise conv', params: { kernel: [1, 1] } },
    { text: 'conv pw', params: { kernel: [1, 1] } },
    // A grouped convolution's group count is rarely written beside its name.
    { text: 'gconv' },
    { text: 'group conv' },
    { text: 'group convolution' },
    { text: 'grouped convolution' },
  ],
  prose: {
    kinds: ['convolutional', 'convolution', 'conv', 'convolutional hidden', 'convolutional maxout', 'recurrent convolutional'],
    // "two 3x3 convolutions", "a 1x1 convolution": the operation's name counts layers of it.
    nouns: ['convolution'],
    width: { param: 'filters', nouns: FILTER_NOUNS },
  },
  patterns: [
    // VGG's "conv3-64": kernel 3, 64 filters.
    { pattern: /^conv\s*(\d+)\s*-\s*(\d+)$/i, params: (m) => ({ kernel: [Number(m[1]), Number(m[1])], filters: Number(m[2]) }) },
    // "3x3 conv, 64" as in ResNet's figure.
    {
      pattern: /^(\d+)\s*[x×]\s*(\d+)\s*conv\w*\s*,?\s*(\d+)?(?:\s*,?\s*\/\s*(\d+))?$/i,
      params: (m) => ({
        kernel: [Number(m[1]), Number(m[2])],
        ...(m[3] ? { filters: Number(m[3]) } : {}),
        ...(m[4] ? { stride: [Number(m[4]), Number(m[4])] } : {}),
      }),
    },
  ],
  params: [
    unitsParam('filters', 'Number of output channels', 65536),
    kernelPair(3),
    strideParam,
    padding2dParam,
    { name: 'dilation', kind: 'pair', default: [1, 1], min: 1, max: 64, doc: 'Dilation [h, w]' },
    groupsParam,
    activationParam,
    useBiasParam,
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], params) => {
    const out = spatialOutput(input!, params, params.filters as number, 'Conv2D');
    checkGroups(input!, params);
    return out;
  },
  targets: {
    keras: {
      className: 'Conv2D',
      args: KERAS_CONV_ARGS,
    },
    caffe: { type: 'Convolution' },
    pytorch: {
      module: 'Conv2d',
      args: TORCH_CONV_ARGS,
    },
    onnx: { op: 'Conv' },
  },
  traits: { weightLayer: true, window: 'convolution', spatialAxes: 2 },
};

export const conv1d: LayerSpec = {
  type: 'Conv1D',
  category: 'convolution',
  doc: '1-D convolution over a [T, F] sequence',
  aliases: [{ text: 'conv1d' }, { text: 'convolution1d' }, { text: 'temporal convolution' }, { text: '1d conv' }],
  prose: {
    kinds: ['1-d convolutional', '1d convolutional', 'temporal convolutional', 'one-dimensional convolutional'],
    width: { param: 'filters', nouns: FILTER_NOUNS },
  },
  params: [
    unitsParam('filters', 'Number of output channels', 65536),
    { name: 'kernel', kind: 'int', default: 3, min: 1, max: 1024, doc: 'Kernel width' },
    { name: 'stride', kind: 'int', default: 1, min: 1, max: 1024, doc: 'Stride' },
    { name: 'padding', kind: 'padding1d', default: 'valid', min: 0, max: 1024, doc: "'valid', 'same', or explicit zero padding on each side" },
    { name: 'dilation', kind: 'int', default: 1, min: 1, max: 1024, doc: 'Dilation' },
    groupsParam,
    activationParam,
    useBiasParam,
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], params) => {
    requireRank(input!, [2], 'Conv1D');
    checkGroups(input!, params);
    const padding = params.padding as 'valid' | 'same' | number;
    const t = windowOutput(input![0]!, params.kernel as number, params.stride as number, padding, params.dilation as number);
    if (t < 1) throw new ShapeError(`Conv1D kernel ${params.kernel} does not fit a ${describe(input!)} input`, 'kernel');
    return [t, params.filters as number];
  },
  targets: {
    keras: {
      className: 'Conv1D',
      args: KERAS_CONV_ARGS,
    },
    caffe: { unsupported: 'Caffe has no 1-D convolution over sequences' },
    pytorch: {
      module: 'Conv1d',
      args: TORCH_CONV_ARGS,
    },
    onnx: { op: 'Conv' },
  },
  traits: { weightLayer: true, window: 'convolution', spatialAxes: 1 },
};

export const conv2dTranspose: LayerSpec = {
  type: 'Conv2DTranspose',
  category: 'convolution',
  doc: 'Transposed 2-D convolution (deconvolution, up-convolution)',
  aliases: [
    { text: 'deconv' },
    { text: 'deconvolution' },
    { text: 'transposed convolution' },
    { text: 'conv transpose' },
    { text: 'up-conv' },
    { text: 'upconv' },
    { text: 'up-convolution' },
    { text: 'Conv2DTranspose' },
  ],
  prose: {
    kinds: [
      'deconvolutional',
      'deconvolution',
      'deconv',
      'up-convolutional',
      'up-convolution',
      'upconvolutional',
      'transposed convolutional',
      'transposed convolution',
      'fractionally-strided convolutional',
      'fractionally strided convolution',
    ],
    // "three transposed convolutions with 256, 128 and 64 filters"
    nouns: ['transposed convolution', 'deconvolution', 'up-convolution', 'fractionally strided convolution'],
    width: { param: 'filters', nouns: FILTER_NOUNS },
  },
  params: [
    unitsParam('filters', 'Number of output channels', 65536),
    kernelPair(2),
    { ...strideParam, default: [2, 2] },
    padding2dParam,
    activationParam,
    useBiasParam,
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], params) => {
    requireRank(input!, [3], 'Conv2DTranspose');
    const [kh, kw] = asPair(params.kernel!);
    const [sh, sw] = asPair(params.stride!);
    const grow = (size: number, k: number, s: number, pad: 'valid' | 'same' | number): number =>
      pad === 'same' ? size * s : (size - 1) * s + k - 2 * (pad === 'valid' ? 0 : pad);
    const [ph, pw] = paddingPerAxis(params.padding!);
    const h = grow(input![0]!, kh, sh, ph);
    const w = grow(input![1]!, kw, sw, pw);
    if (h < 1 || w < 1) throw new ShapeError(`Conv2DTranspose padding leaves no output from ${describe(input!)}`, 'padding');
    return [h, w, params.filters as number];
  },
  targets: {
    keras: {
      className: 'Conv2DTranspose',
      args: KERAS_CONV_ARGS,
    },
    caffe: { type: 'Deconvolution' },
    pytorch: {
      module: 'ConvTranspose2d',
      args: TORCH_CONV_ARGS,
    },
    onnx: { op: 'ConvTranspose' },
  },
  traits: { weightLayer: true, window: 'convolution', spatialAxes: 2, transposed: true },
};

export const depthwiseConv2d: LayerSpec = {
  type: 'DepthwiseConv2D',
  category: 'convolution',
  doc: 'Depthwise 2-D convolution: one filter per input channel (MobileNet "conv dw")',
  aliases: [
    { text: 'depthwise' },
    { text: 'depthwise conv' },
    { text: 'depthwise convolution' },
    { text: 'depthwise separable' },
    { text: 'conv dw' },
    { text: 'dw conv' },
    { text: 'dwconv' },
    { text: 'DepthwiseConv2D' },
  ],
  params: [
    kernelPair(3),
    strideParam,
    padding2dParam,
    { name: 'depth_multiplier', kind: 'int', default: 1, min: 1, max: 64, doc: 'Output channels per input channel' },
    activationParam,
    useBiasParam,
  ],
  arity: { min: 1, max: 1 },
  outputShape: ([input], params) => {
    requireRank(input!, [3], 'DepthwiseConv2D');
    return spatialOutput(input!, params, input![2]! * (params.depth_multiplier as number), 'DepthwiseConv2D');
  },
  targets: {
    keras: { className: 'DepthwiseConv2D' },
    caffe: { type: 'Convolution' },
    pytorch: { module: 'Conv2d' },
    onnx: { op: 'Conv' },
  },
  traits: { weightLayer: true, window: 'convolution', spatialAxes: 2 },
};
