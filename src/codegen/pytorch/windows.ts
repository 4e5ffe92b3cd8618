/**
 * Convolutions and pooling in PyTorch (NCHW): TensorFlow's "same" padding as module padding when
 * symmetric, else an explicit F.pad; Caffe's ceil rounding; Keras-style transposed "same".
 */
import { PyTuple, pyComment, pyValue } from '../python.ts';
import { torchModule, samePadding } from '../../graph/index.ts';
import { activate, call, pair, pairValue, type Pair, type TorchLayerContext, type TorchModule, type TorchStep } from './step.ts';
import type { Shape } from '../../graph/index.ts';

/** How a sliding window is padded in PyTorch: symmetric amounts on the module, or an explicit F.pad. */
interface WindowPadding {
  padding: Pair;
  /** F.pad amounts (left, right, top, bottom) when TensorFlow's "same" padding is uneven. */
  pad?: [number, number, number, number];
}

function windowPadding(padding: unknown, input: Shape, kernel: Pair, stride: Pair, dilation: Pair): WindowPadding {
  if (padding === 'valid') return { padding: [0, 0] };
  if (padding === 'same') {
    const [top, bottom] = samePadding(input[0]!, kernel[0], stride[0], dilation[0]);
    const [left, right] = samePadding(input[1]!, kernel[1], stride[1], dilation[1]);
    if (top === bottom && left === right) return { padding: [top, left] };
    return { padding: [0, 0], pad: [left, right, top, bottom] };
  }
  return { padding: pair(padding) };
}

function padded(input: string, padding: WindowPadding, value?: string): string {
  if (!padding.pad) return input;
  return `F.pad(${input}, ${pyValue(new PyTuple(padding.pad))}${value ? `, value=${value}` : ''})`;
}

function paddingComment(padding: WindowPadding): string[] {
  return padding.pad ? [pyComment('"same" padding is uneven here (TensorFlow puts the extra row/column after), so pad explicitly')] : [];
}

/** One nn.Conv2d over the layer's input; `groups` undefined leaves PyTorch's default of 1 unwritten. */
function convolution(ctx: TorchLayerContext, filters: number, groups: number | undefined, dilation: Pair, comments?: string[]): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  const padding = windowPadding(p.padding, input, kernel, stride, dilation);
  const attr = ctx.attr();
  const modules: TorchModule[] = [
    {
      attr,
      ...(comments ? { comments } : {}),
      expr: call(torchModule('Conv2D'), [input[2]!, filters], {
        kernel_size: pairValue(kernel),
        stride: stride[0] === 1 && stride[1] === 1 ? undefined : pairValue(stride),
        padding: padding.padding[0] === 0 && padding.padding[1] === 0 ? undefined : pairValue(padding.padding),
        dilation: dilation[0] === 1 && dilation[1] === 1 ? undefined : pairValue(dilation),
        groups,
        bias: p.use_bias ? undefined : false,
      }),
    },
  ];
  const expr = activate(ctx, `self.${attr}(${padded(ctx.inputs[0]!, padding)})`, ctx.outShape, modules);
  return { modules, forward: [...paddingComment(padding), `${ctx.out} = ${expr}`] };
}

export function conv2d(ctx: TorchLayerContext): TorchStep {
  const groups = ctx.params.groups as number;
  return convolution(ctx, ctx.params.filters as number, groups === 1 ? undefined : groups, pair(ctx.params.dilation));
}

export function depthwiseConv2d(ctx: TorchLayerContext): TorchStep {
  const channels = ctx.inShapes[0]![2]!;
  return convolution(ctx, channels * (ctx.params.depth_multiplier as number), channels, [1, 1], [pyComment('depthwise: one group per input channel')]);
}

export function conv1d(ctx: TorchLayerContext): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const kernel = p.kernel as number;
  const stride = p.stride as number;
  const dilation = p.dilation as number;
  let padding = 0;
  let pad: [number, number] | undefined;
  if (p.padding === 'same') {
    const [before, after] = samePadding(input[0]!, kernel, stride, dilation);
    if (before === after) padding = before;
    else pad = [before, after];
  } else if (typeof p.padding === 'number') {
    padding = p.padding;
  }
  const groups = p.groups as number;
  const attr = ctx.attr();
  const modules: TorchModule[] = [
    {
      attr,
      expr: call(torchModule('Conv1D'), [input[1]!, p.filters as number], {
        kernel_size: kernel,
        stride: stride === 1 ? undefined : stride,
        padding: padding === 0 ? undefined : padding,
        dilation: dilation === 1 ? undefined : dilation,
        groups: groups === 1 ? undefined : groups,
        bias: p.use_bias ? undefined : false,
      }),
    },
  ];
  const channelsFirst = `${ctx.inputs[0]}.transpose(1, 2)`;
  const source = pad ? `F.pad(${channelsFirst}, ${pyValue(new PyTuple(pad))})` : channelsFirst;
  // nn.Conv1d wants [N, F, T]; the sequence is [N, T, F].
  const conv = `self.${attr}(${source}).transpose(1, 2)`;
  const expr = activate(ctx, conv, ctx.outShape, modules);
  const comments = pad ? [pyComment('"same" padding is uneven here (TensorFlow puts the extra step after), so pad explicitly')] : [];
  return { modules, forward: [...comments, `${ctx.out} = ${expr}`] };
}

/**
 * Padding and output_padding that reproduce TensorFlow's "same" transposed convolution: the full
 * output cropped by floor((kernel - stride) / 2) at the start, to size × stride. When that leaves
 * one row too many (kernel - stride odd), the last row is cropped in forward.
 */
function transposeSame(kernel: number, stride: number): { padding: number; outputPadding: number; cropEnd: number } {
  const padding = Math.max(Math.floor((kernel - stride) / 2), 0);
  const outputPadding = stride - kernel + 2 * padding;
  return outputPadding < 0 ? { padding, outputPadding: 0, cropEnd: -outputPadding } : { padding, outputPadding, cropEnd: 0 };
}

export function conv2dTranspose(ctx: TorchLayerContext): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  let padding: Pair = [0, 0];
  let outputPadding: Pair = [0, 0];
  let crop: Pair = [0, 0];
  if (p.padding === 'same') {
    const h = transposeSame(kernel[0], stride[0]);
    const w = transposeSame(kernel[1], stride[1]);
    padding = [h.padding, w.padding];
    outputPadding = [h.outputPadding, w.outputPadding];
    crop = [h.cropEnd, w.cropEnd];
  } else if (p.padding !== 'valid') {
    padding = pair(p.padding);
  }
  const attr = ctx.attr();
  const modules: TorchModule[] = [
    {
      attr,
      expr: call(torchModule('Conv2DTranspose'), [input[2]!, p.filters as number], {
        kernel_size: pairValue(kernel),
        stride: pairValue(stride),
        padding: padding[0] === 0 && padding[1] === 0 ? undefined : pairValue(padding),
        output_padding: outputPadding[0] === 0 && outputPadding[1] === 0 ? undefined : pairValue(outputPadding),
        bias: p.use_bias ? undefined : false,
      }),
    },
  ];
  let conv = `self.${attr}(${ctx.inputs[0]})`;
  const forward: string[] = [];
  if (crop[0] || crop[1]) {
    forward.push(pyComment('TensorFlow\'s "same" keeps the first size x stride rows/columns: drop the extra last one'));
    conv += `[:, :, ${crop[0] ? ':-1' : ':'}, ${crop[1] ? ':-1' : ':'}]`;
  }
  forward.push(`${ctx.out} = ${activate(ctx, conv, ctx.outShape, modules)}`);
  return { modules, forward };
}

export function pool2d(ctx: TorchLayerContext, kind: 'max' | 'avg'): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const kernel = pair(p.pool);
  const stride = pair(p.stride);
  const padding = windowPadding(p.padding, input, kernel, stride, [1, 1]);
  const attr = ctx.attr();
  const sameSymmetric = p.padding === 'same' && !padding.pad && (padding.padding[0] > 0 || padding.padding[1] > 0);
  const module = call(torchModule(kind === 'max' ? 'MaxPool2D' : 'AvgPool2D'), [pairValue(kernel)], {
    stride: stride[0] === kernel[0] && stride[1] === kernel[1] ? undefined : pairValue(stride),
    padding: padding.padding[0] === 0 && padding.padding[1] === 0 ? undefined : pairValue(padding.padding),
    ceil_mode: p.ceil_mode && p.padding !== 'same' ? true : undefined,
    // Keras' "same" average ignores the padded zeros; explicit (Caffe) padding counts them.
    count_include_pad: kind === 'avg' && sameSymmetric ? false : undefined,
  });
  const fill = kind === 'max' ? 'float("-inf")' : undefined;
  const pooled = `self.${attr}(${padded(ctx.inputs[0]!, padding, fill)})`;
  if (kind === 'avg' && p.padding === 'same' && padding.pad) {
    const realPixels = `self.${attr}(${padded(`${ctx.inputs[0]}.new_ones((1, 1, ${input[0]}, ${input[1]}))`, padding)})`;
    return {
      modules: [{ attr, expr: module }],
      forward: [
        pyComment('"same" padding is uneven here; Keras averages only real pixels, so divide by the share of them in each window'),
        `${ctx.out} = ${pooled} / ${realPixels}`,
      ],
    };
  }
  return { modules: [{ attr, expr: module }], forward: [...paddingComment(padding), `${ctx.out} = ${pooled}`] };
}

export function globalPool(ctx: TorchLayerContext, kind: 'max' | 'avg'): TorchStep {
  const attr = ctx.attr();
  return {
    modules: [{ attr, expr: call(torchModule(kind === 'max' ? 'GlobalMaxPool2D' : 'GlobalAvgPool2D'), [1]) }],
    forward: [`${ctx.out} = torch.flatten(self.${attr}(${ctx.inputs[0]}), 1)`],
  };
}

/**
 * MaxPool1d / AvgPool1d over a [N, T, F] sequence, transposed to the [N, F, T] they pool. Padding as for
 * the 2-D pools: TensorFlow's "same" (padded steps never count), or explicit amounts (zeros an average counts).
 */
export function pool1d(ctx: TorchLayerContext, kind: 'max' | 'avg'): TorchStep {
  const p = ctx.params;
  const pool = p.pool as number;
  const stride = p.stride as number;
  let padding = typeof p.padding === 'number' ? p.padding : 0;
  let pad: [number, number] | undefined;
  if (p.padding === 'same') {
    const [before, after] = samePadding(ctx.inShapes[0]![0]!, pool, stride);
    if (before === after) padding = before;
    else pad = [before, after];
  }
  const attr = ctx.attr();
  const module = call(torchModule(kind === 'max' ? 'MaxPool1D' : 'AvgPool1D'), [pool], {
    stride: stride === pool ? undefined : stride,
    padding: padding === 0 ? undefined : padding,
    count_include_pad: kind === 'avg' && p.padding === 'same' && padding > 0 ? false : undefined,
  });
  const channelsFirst = `${ctx.inputs[0]}.transpose(1, 2)`;
  const padded = (source: string, value?: string) => (pad ? `F.pad(${source}, ${pyValue(new PyTuple(pad))}${value ? `, value=${value}` : ''})` : source);
  const pooled = `self.${attr}(${padded(channelsFirst, kind === 'max' ? 'float("-inf")' : undefined)})`;
  // nn.MaxPool1d / nn.AvgPool1d want [N, F, T]; the sequence is [N, T, F].
  if (kind === 'avg' && pad) {
    const realSteps = `self.${attr}(${padded(`${ctx.inputs[0]}.new_ones((1, 1, ${ctx.inShapes[0]![0]}))`)})`;
    return {
      modules: [{ attr, expr: module }],
      forward: [
        pyComment('"same" padding is uneven here; Keras averages only real steps, so divide by the share of them in each window'),
        `${ctx.out} = (${pooled} / ${realSteps}).transpose(1, 2)`,
      ],
    };
  }
  const comments = pad ? [pyComment('"same" padding is uneven here (TensorFlow puts the extra step after), so pad explicitly')] : [];
  return { modules: [{ attr, expr: module }], forward: [...comments, `${ctx.out} = ${pooled}.transpose(1, 2)`] };
}

/** Global pooling of a [N, T, F] sequence: a reduction over the time dim, [N, F]. */
export function globalPool1d(ctx: TorchLayerContext, kind: 'max' | 'avg'): TorchStep {
  return { modules: [], forward: [`${ctx.out} = ${ctx.inputs[0]}.${kind === 'max' ? 'amax' : 'mean'}(dim=1)`] };
}
