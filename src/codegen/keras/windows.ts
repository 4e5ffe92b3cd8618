/** Convolutions and pooling in Keras, with the padding, rounding and stride workarounds Keras needs. */
import { PyTuple, pyComment } from '../python.ts';
import { kerasClass, samePadding } from '../../graph/index.ts';
import {
  GLOROT,
  NO_REGULARISATION,
  NodeChain,
  ZEROS,
  activationConfig,
  pair,
  pairValue,
  zeroPadding,
  zeroPadding1d,
  type JsonValue,
  type KerasNode,
  type LayerContext,
  type Pair,
} from './node.ts';

/** Padding that Keras cannot put on the layer itself, as a ZeroPadding2D in front. */
function explicitPadding(ctx: LayerContext, chain: NodeChain, padding: unknown, kernel: Pair, stride: Pair, dilation: Pair): 'valid' | 'same' {
  if (padding === 'valid' || padding === 'same') return padding;
  const [ph, pw] = pair(padding);
  if (ph === 0 && pw === 0) return 'valid';
  // With stride 1 and a symmetric amount, TensorFlow's "same" pads exactly the same way.
  const sameAxis = (p: number, k: number, s: number, d: number): boolean => s === 1 && 2 * p === d * (k - 1);
  if (sameAxis(ph, kernel[0], stride[0], dilation[0]) && sameAxis(pw, kernel[1], stride[1], dilation[1])) return 'same';
  chain.add(
    zeroPadding(ctx.nodeName('pad'), [
      [ph, ph],
      [pw, pw],
    ]),
  );
  return 'valid';
}

function convConfig(
  filters: number,
  kernel: number[],
  strides: number[],
  padding: string,
  dilation: number[],
  groups: number,
  activation: string,
  useBias: boolean,
): Record<string, JsonValue> {
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

export function conv2d(ctx: LayerContext): KerasNode[] {
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
    chain.add(
      zeroPadding(ctx.nodeName('pad'), [samePadding(input[0]!, kernel[0], stride[0], dilation[0]), samePadding(input[1]!, kernel[1], stride[1], dilation[1])]),
    );
    padding = 'valid';
  } else {
    padding = explicitPadding(ctx, chain, p.padding, kernel, stride, dilation);
  }
  const subsample = stride;
  if (dilatedAndStrided) stride = [1, 1];
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: kerasClass('Conv2D'),
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
      className: kerasClass('MaxPool2D'),
      args: [],
      kwargs: { pool_size: 1, strides: pairValue(subsample) },
      config: { pool_size: [1, 1], padding: 'valid', strides: subsample, data_format: 'channels_last' },
      comments: [pyComment('Keras convolutions cannot be dilated and strided at once: convolve densely, then keep every stride-th pixel')],
    });
  }
  act.after?.(chain);
  return chain.nodes;
}

export function conv1d(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = p.kernel as number;
  let stride = p.stride as number;
  const dilation = p.dilation as number;
  let padding: string = p.padding === 'same' ? 'same' : 'valid';
  if (typeof p.padding === 'number' && p.padding > 0) {
    if (stride === 1 && 2 * p.padding === dilation * (kernel - 1)) padding = 'same';
    else {
      chain.add(zeroPadding1d(ctx.nodeName('pad'), p.padding, p.padding));
    }
  }
  const subsample = stride;
  const dilatedAndStrided = dilation > 1 && stride > 1;
  if (dilatedAndStrided && padding === 'same') {
    // Strided "same" may pad differently from the stride-1 "same" convolved below.
    const [before, after] = samePadding(ctx.inShapes[0]![0]!, kernel, stride, dilation);
    if (before !== Math.floor((dilation * (kernel - 1)) / 2)) {
      chain.add(zeroPadding1d(ctx.nodeName('pad'), before, after));
      padding = 'valid';
    }
  }
  if (dilatedAndStrided) stride = 1;
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: kerasClass('Conv1D'),
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

export function conv2dTranspose(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  const padding = p.padding === 'same' ? 'same' : 'valid';
  const act = activationConfig(ctx);
  chain.add({
    name: ctx.nodeName(),
    className: kerasClass('Conv2DTranspose'),
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
      className: kerasClass('Cropping2D'),
      args: [],
      kwargs: { cropping: new PyTuple(cropping.map((side) => new PyTuple(side))) },
      config: { cropping, data_format: 'channels_last' },
    });
  }
  act.after?.(chain);
  return chain.nodes;
}

export function depthwiseConv2d(ctx: LayerContext): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  const padding = explicitPadding(ctx, chain, p.padding, kernel, stride, [1, 1]);
  const act = activationConfig(ctx);
  const multiplier = p.depth_multiplier as number;
  chain.add({
    name: ctx.nodeName(),
    className: kerasClass('DepthwiseConv2D'),
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

export function pool2d(ctx: LayerContext, kind: 'max' | 'avg'): KerasNode[] {
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
    className: kerasClass(kind === 'max' ? 'MaxPool2D' : 'AvgPool2D'),
    args: [pairValue(kernel)],
    kwargs: {
      strides: stride[0] === kernel[0] && stride[1] === kernel[1] ? undefined : pairValue(stride),
      padding: padding === 'valid' ? undefined : padding,
    },
    config: { pool_size: kernel, padding, strides: stride, data_format: 'channels_last' },
  });
  return chain.nodes;
}

/** MaxPooling1D / AveragePooling1D; explicit padding becomes a ZeroPadding1D in front, as the 2-D pools' does. */
export function pool1d(ctx: LayerContext, kind: 'max' | 'avg'): KerasNode[] {
  const p = ctx.params;
  const chain = new NodeChain(ctx);
  const pool = p.pool as number;
  const stride = p.stride as number;
  if (typeof p.padding === 'number' && p.padding > 0) {
    const note = kind === 'max' ? ' (zeros, where PyTorch and ONNX pad max pooling with -inf: the same after a ReLU)' : '';
    chain.add(zeroPadding1d(ctx.nodeName('pad'), p.padding, p.padding, [pyComment(`explicit padding as zero padding${note}`)]));
  }
  const padding = p.padding === 'same' ? 'same' : 'valid';
  chain.add({
    name: ctx.nodeName(),
    className: kerasClass(kind === 'max' ? 'MaxPool1D' : 'AvgPool1D'),
    args: [pool],
    kwargs: { strides: stride === pool ? undefined : stride, padding: padding === 'valid' ? undefined : padding },
    config: { pool_size: [pool], padding, strides: [stride], data_format: 'channels_last' },
  });
  return chain.nodes;
}
