/**
 * One graph layer → the `nn` modules it declares in `__init__` and the lines it adds to `forward`.
 * Shapes arrive channels-last from the graph; everything written here is PyTorch's NCHW.
 */
import { isUnsupported, getSpec, type Layer, type Params, type Shape } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { PyTuple, pyComment, pyKwargs, pyValue, type PyValue } from '../python.ts';
import { featureDim, isImage, samePadding, torchDim } from './layout.ts';

export interface TorchModule {
  /** Attribute name under `self`. */
  attr: string;
  /** Constructor expression, e.g. `nn.Conv2d(3, 64, kernel_size=3, padding=1)`. */
  expr: string;
  /** Comment lines written above the declaration. */
  comments?: string[];
}

export interface TorchStep {
  modules: TorchModule[];
  /** Statements of `forward`, one per line. */
  forward: string[];
}

export interface TorchLayerContext {
  layer: Layer;
  params: Params;
  inShapes: Shape[];
  outShape: Shape;
  /** Variables holding the inputs, in order. */
  inputs: string[];
  /** Variable receiving the output. */
  out: string;
  /** A fresh attribute name for a module of this layer, e.g. `conv1` then `conv1_act`. */
  attr: (suffix?: string) => string;
  /** True when the (single) input holds integer token ids. */
  intInput: boolean;
}

type Pair = [number, number];

function pair(value: unknown): Pair {
  return typeof value === 'number' ? [value, value] : [(value as number[])[0]!, (value as number[])[1]!];
}

/** `3` for [3, 3], `(3, 5)` otherwise: how people write kernel sizes. */
function pairValue([h, w]: Pair): PyValue {
  return h === w ? h : new PyTuple([h, w]);
}

function call(ctor: string, positional: PyValue[], kwargs: Record<string, PyValue | undefined> = {}): string {
  const args = [...positional.map(pyValue), pyKwargs(kwargs)].filter((arg) => arg !== '');
  return `${ctor}(${args.join(', ')})`;
}

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

/** `expr` (already on the layer's output) wrapped in the layer's activation param. */
function activate(ctx: TorchLayerContext, expr: string, shape: Shape, modules: TorchModule[]): string {
  const fn = (ctx.params.activation as string | undefined) ?? 'linear';
  switch (fn) {
    case 'linear':
      return expr;
    case 'relu':
      return `F.relu(${expr})`;
    case 'sigmoid':
      return `torch.sigmoid(${expr})`;
    case 'tanh':
      return `torch.tanh(${expr})`;
    case 'elu':
      return `F.elu(${expr})`;
    case 'gelu':
      return `F.gelu(${expr})`;
    case 'softmax':
      return `F.softmax(${expr}, dim=${featureDim(shape)})`;
    case 'leaky_relu':
      // Same slope as the catalog's LeakyReLU default, so every target agrees.
      return `F.leaky_relu(${expr}, 0.3)`;
    case 'prelu': {
      const attr = ctx.attr('prelu');
      modules.push({ attr, expr: preluModule(shape) });
      return applyOverFeatures(`self.${attr}`, expr, shape);
    }
    default:
      throw new UnsupportedLayerError('pytorch', ctx.layer.id, ctx.layer.type, `unknown activation "${fn}"`);
  }
}

/** One learned slope per channel / feature, as in the PReLU paper. */
function preluModule(shape: Shape): string {
  if (shape.length > 3) return 'nn.PReLU()';
  return `nn.PReLU(${shape[isImage(shape) ? 2 : shape.length - 1]})`;
}

/**
 * Applies a module that expects features on dim 1 (BatchNorm1d, PReLU) to the tensor. A [N, T, F]
 * sequence keeps its features last, so it is transposed around the call.
 */
function applyOverFeatures(module: string, input: string, shape: Shape): string {
  return shape.length === 2 ? `${module}(${input}.transpose(1, 2)).transpose(1, 2)` : `${module}(${input})`;
}

function conv2d(ctx: TorchLayerContext): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  const dilation = pair(p.dilation);
  const padding = windowPadding(p.padding, input, kernel, stride, dilation);
  const groups = p.groups as number;
  const attr = ctx.attr();
  const modules: TorchModule[] = [
    {
      attr,
      expr: call('nn.Conv2d', [input[2]!, p.filters as number], {
        kernel_size: pairValue(kernel),
        stride: stride[0] === 1 && stride[1] === 1 ? undefined : pairValue(stride),
        padding: padding.padding[0] === 0 && padding.padding[1] === 0 ? undefined : pairValue(padding.padding),
        dilation: dilation[0] === 1 && dilation[1] === 1 ? undefined : pairValue(dilation),
        groups: groups === 1 ? undefined : groups,
        bias: p.use_bias ? undefined : false,
      }),
    },
  ];
  const expr = activate(ctx, `self.${attr}(${padded(ctx.inputs[0]!, padding)})`, ctx.outShape, modules);
  return { modules, forward: [...paddingComment(padding), `${ctx.out} = ${expr}`] };
}

function depthwiseConv2d(ctx: TorchLayerContext): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const kernel = pair(p.kernel);
  const stride = pair(p.stride);
  const padding = windowPadding(p.padding, input, kernel, stride, [1, 1]);
  const channels = input[2]!;
  const attr = ctx.attr();
  const modules: TorchModule[] = [
    {
      attr,
      comments: [pyComment('depthwise: one group per input channel')],
      expr: call('nn.Conv2d', [channels, channels * (p.depth_multiplier as number)], {
        kernel_size: pairValue(kernel),
        stride: stride[0] === 1 && stride[1] === 1 ? undefined : pairValue(stride),
        padding: padding.padding[0] === 0 && padding.padding[1] === 0 ? undefined : pairValue(padding.padding),
        groups: channels,
        bias: p.use_bias ? undefined : false,
      }),
    },
  ];
  const expr = activate(ctx, `self.${attr}(${padded(ctx.inputs[0]!, padding)})`, ctx.outShape, modules);
  return { modules, forward: [...paddingComment(padding), `${ctx.out} = ${expr}`] };
}

function conv1d(ctx: TorchLayerContext): TorchStep {
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
      expr: call('nn.Conv1d', [input[1]!, p.filters as number], {
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

function conv2dTranspose(ctx: TorchLayerContext): TorchStep {
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
      expr: call('nn.ConvTranspose2d', [input[2]!, p.filters as number], {
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

function pool2d(ctx: TorchLayerContext, kind: 'max' | 'avg'): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const kernel = pair(p.pool);
  const stride = pair(p.stride);
  const padding = windowPadding(p.padding, input, kernel, stride, [1, 1]);
  const attr = ctx.attr();
  const sameSymmetric = p.padding === 'same' && !padding.pad && (padding.padding[0] > 0 || padding.padding[1] > 0);
  const module = call(kind === 'max' ? 'nn.MaxPool2d' : 'nn.AvgPool2d', [pairValue(kernel)], {
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

function globalPool(ctx: TorchLayerContext, kind: 'max' | 'avg'): TorchStep {
  const attr = ctx.attr();
  return {
    modules: [{ attr, expr: kind === 'max' ? 'nn.AdaptiveMaxPool2d(1)' : 'nn.AdaptiveAvgPool2d(1)' }],
    forward: [`${ctx.out} = torch.flatten(self.${attr}(${ctx.inputs[0]}), 1)`],
  };
}

function dense(ctx: TorchLayerContext): TorchStep {
  const input = ctx.inShapes[0]!;
  const attr = ctx.attr();
  const modules: TorchModule[] = [
    { attr, expr: call('nn.Linear', [input[input.length - 1]!, ctx.params.units as number], { bias: ctx.params.use_bias ? undefined : false }) },
  ];
  return { modules, forward: [`${ctx.out} = ${activate(ctx, `self.${attr}(${ctx.inputs[0]})`, ctx.outShape, modules)}`] };
}

function batchNorm(ctx: TorchLayerContext): TorchStep {
  const input = ctx.inShapes[0]!;
  const p = ctx.params;
  const attr = ctx.attr();
  // Keras' momentum weighs the running average; PyTorch's weighs the new batch.
  const momentum = Math.round((1 - (p.momentum as number)) * 1e9) / 1e9;
  const kwargs = { eps: p.epsilon === 1e-5 ? undefined : (p.epsilon as number), momentum: momentum === 0.1 ? undefined : momentum };
  if (input.length === 3) return { modules: [{ attr, expr: call('nn.BatchNorm2d', [input[2]!], kwargs) }], forward: [`${ctx.out} = self.${attr}(${ctx.inputs[0]})`] };
  if (input.length <= 2) {
    const features = input[input.length - 1]!;
    return {
      modules: [{ attr, expr: call('nn.BatchNorm1d', [features], kwargs) }],
      forward: [`${ctx.out} = ${applyOverFeatures(`self.${attr}`, ctx.inputs[0]!, input)}`],
    };
  }
  if (input.length === 4) {
    return {
      modules: [{ attr, expr: call('nn.BatchNorm3d', [input[3]!], kwargs) }],
      forward: [`${ctx.out} = self.${attr}(${ctx.inputs[0]}.movedim(-1, 1)).movedim(1, -1)`],
    };
  }
  throw new UnsupportedLayerError('pytorch', ctx.layer.id, ctx.layer.type, `PyTorch has no BatchNorm for a rank-${input.length} tensor`);
}

function layerNorm(ctx: TorchLayerContext): TorchStep {
  const input = ctx.inShapes[0]!;
  const attr = ctx.attr();
  const features = input[input.length - 1]!;
  const module = call('nn.LayerNorm', [features], { eps: ctx.params.epsilon === 1e-5 ? undefined : (ctx.params.epsilon as number) });
  if (isImage(input)) {
    return {
      modules: [{ attr, expr: module }],
      forward: [pyComment('normalise over the channels, which are dim 1 here'), `${ctx.out} = self.${attr}(${ctx.inputs[0]}.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)`],
    };
  }
  return { modules: [{ attr, expr: module }], forward: [`${ctx.out} = self.${attr}(${ctx.inputs[0]})`] };
}

function activationLayer(ctx: TorchLayerContext): TorchStep {
  const p = ctx.params;
  const shape = ctx.inShapes[0]!;
  const attr = ctx.attr();
  const alpha = p.alpha as number;
  const modules: Record<string, string> = {
    relu: 'nn.ReLU()',
    leaky_relu: call('nn.LeakyReLU', [alpha]),
    prelu: preluModule(shape),
    sigmoid: 'nn.Sigmoid()',
    tanh: 'nn.Tanh()',
    softmax: call('nn.Softmax', [], { dim: featureDim(shape) }),
    elu: call('nn.ELU', [], { alpha: alpha === 1 ? undefined : alpha }),
    gelu: 'nn.GELU()',
  };
  const module = modules[p.fn as string];
  if (!module) throw new UnsupportedLayerError('pytorch', ctx.layer.id, ctx.layer.type, `unknown activation "${p.fn}"`);
  const apply = p.fn === 'prelu' ? applyOverFeatures(`self.${attr}`, ctx.inputs[0]!, shape) : `self.${attr}(${ctx.inputs[0]})`;
  return { modules: [{ attr, expr: module }], forward: [`${ctx.out} = ${apply}`] };
}

function recurrentModule(cell: string): string {
  return { LSTM: 'nn.LSTM', GRU: 'nn.GRU', SimpleRNN: 'nn.RNN' }[cell]!;
}

function recurrent(ctx: TorchLayerContext, cell: string): TorchStep {
  const input = ctx.inShapes[0]!;
  const attr = ctx.attr();
  const module = call(recurrentModule(cell), [input[1]!, ctx.params.units as number], { batch_first: true });
  const forward = [`${ctx.out}, _ = self.${attr}(${ctx.inputs[0]})`];
  if (!ctx.params.return_sequences) forward.push(`${ctx.out} = ${ctx.out}[:, -1]`);
  return { modules: [{ attr, expr: module }], forward };
}

function bidirectional(ctx: TorchLayerContext): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const units = p.units as number;
  const attr = ctx.attr();
  const module = call(recurrentModule(p.cell as string), [input[1]!, units], { batch_first: true, bidirectional: true });
  const out = ctx.out;
  const forward = [`${out}, _ = self.${attr}(${ctx.inputs[0]})`];
  const sum = p.merge === 'sum';
  if (p.return_sequences) {
    if (sum) forward.push(`${out} = ${out}[..., :${units}] + ${out}[..., ${units}:]`);
  } else {
    forward.push(pyComment('last step of each direction: the backward pass ends at the first time step'));
    const forwardLast = `${out}[:, -1, :${units}]`;
    const backwardLast = `${out}[:, 0, ${units}:]`;
    forward.push(sum ? `${out} = ${forwardLast} + ${backwardLast}` : `${out} = torch.cat((${forwardLast}, ${backwardLast}), dim=1)`);
  }
  return { modules: [{ attr, expr: module }], forward };
}

function multiHeadAttention(ctx: TorchLayerContext): TorchStep {
  const p = ctx.params;
  const features = ctx.inShapes[0]![1]!;
  const heads = p.heads as number;
  const keyDim = p.key_dim as number;
  const query = ctx.inputs[0]!;
  const value = ctx.inputs[1] ?? query;
  const attr = ctx.attr();
  if (features % heads === 0) {
    const note = features / heads === keyDim ? `heads of ${keyDim}, as in the design` : `heads of ${features / heads} (the design's key_dim is ${keyDim})`;
    return {
      modules: [
        {
          attr,
          comments: [pyComment(`Keras-style key_dim is the size of each head; PyTorch splits embed_dim=${features} into ${heads} ${note}`)],
          expr: call('nn.MultiheadAttention', [], { embed_dim: features, num_heads: heads, batch_first: true }),
        },
      ],
      forward: [`${ctx.out}, _ = self.${attr}(${query}, ${value}, ${value})`],
    };
  }
  // PyTorch needs embed_dim divisible by the heads; project to heads × key_dim and back, as Keras does.
  const inner = heads * keyDim;
  const project = ctx.attr('query');
  const output = ctx.attr('output');
  return {
    modules: [
      { attr: project, comments: [pyComment(`${features} features do not split into ${heads} heads: attend in ${heads} x ${keyDim} = ${inner} dims`)], expr: call('nn.Linear', [features, inner]) },
      { attr, expr: call('nn.MultiheadAttention', [], { embed_dim: inner, num_heads: heads, kdim: features, vdim: features, batch_first: true }) },
      { attr: output, expr: call('nn.Linear', [inner, features]) },
    ],
    forward: [`${ctx.out}, _ = self.${attr}(self.${project}(${query}), ${value}, ${value})`, `${ctx.out} = self.${output}(${ctx.out})`],
  };
}

function reshape(ctx: TorchLayerContext): TorchStep {
  const input = ctx.inShapes[0]!;
  const out = ctx.outShape;
  let expr = ctx.inputs[0]!;
  const comments: string[] = [];
  if (isImage(input) || isImage(out)) comments.push(pyComment('reshape in channels-last order, as the design counts its elements'));
  if (isImage(input)) expr += '.permute(0, 2, 3, 1)';
  expr += `.reshape(-1, ${out.join(', ')})`;
  if (isImage(out)) expr += '.permute(0, 3, 1, 2)';
  return { modules: [], forward: [...comments, `${ctx.out} = ${expr}`] };
}

function permute(ctx: TorchLayerContext): TorchStep {
  const input = ctx.inShapes[0]!;
  const dims = ctx.params.dims as number[];
  const out = ctx.outShape;
  // Output torch dim d holds output graph axis j, which is input graph axis dims[j] - 1.
  const order = [0];
  const graphAxisAt = (shape: Shape, dim: number): number => (isImage(shape) ? [-1, 2, 0, 1][dim]! : dim - 1);
  for (let dim = 1; dim <= out.length; dim++) order.push(torchDim(input, dims[graphAxisAt(out, dim)]! - 1));
  return { modules: [], forward: [`${ctx.out} = ${ctx.inputs[0]}.permute(${order.join(', ')})`] };
}

function embedding(ctx: TorchLayerContext): TorchStep {
  const attr = ctx.attr();
  const vocab = ctx.params.vocab as number;
  const module = call('nn.Embedding', [vocab, ctx.params.dim as number]);
  if (ctx.intInput) return { modules: [{ attr, expr: module }], forward: [`${ctx.out} = self.${attr}(${ctx.inputs[0]})`] };
  return {
    modules: [{ attr, expr: module }],
    forward: [
      pyComment('the design feeds real values to an Embedding: truncate them to token ids'),
      `${ctx.out} = self.${attr}(${ctx.inputs[0]}.long().clamp(0, ${vocab - 1}))`,
    ],
  };
}

function merge(ctx: TorchLayerContext, operator: string): TorchStep {
  return { modules: [], forward: [`${ctx.out} = ${ctx.inputs.join(` ${operator} `)}`] };
}

function concat(ctx: TorchLayerContext): TorchStep {
  const dim = torchDim(ctx.inShapes[0]!, ctx.params.axis as number);
  return { modules: [], forward: [`${ctx.out} = torch.cat((${ctx.inputs.join(', ')}), dim=${dim})`] };
}

function simpleModule(ctx: TorchLayerContext, expr: string): TorchStep {
  const attr = ctx.attr();
  return { modules: [{ attr, expr }], forward: [`${ctx.out} = self.${attr}(${ctx.inputs[0]})`] };
}

/** The modules and forward lines of one layer; throws UnsupportedLayerError when PyTorch cannot express it. */
export function torchStep(ctx: TorchLayerContext): TorchStep {
  const spec = getSpec(ctx.layer.type);
  if (spec && isUnsupported(spec.targets.pytorch)) {
    throw new UnsupportedLayerError('pytorch', ctx.layer.id, ctx.layer.type, spec.targets.pytorch.unsupported);
  }
  const p = ctx.params;
  switch (ctx.layer.type) {
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
      return globalPool(ctx, 'avg');
    case 'GlobalMaxPool2D':
      return globalPool(ctx, 'max');
    case 'Dense':
      return dense(ctx);
    case 'Flatten':
      return { modules: [], forward: [`${ctx.out} = torch.flatten(${ctx.inputs[0]}, 1)`] };
    case 'Dropout':
      return simpleModule(ctx, call('nn.Dropout', [], { p: p.rate as number }));
    case 'BatchNorm':
      return batchNorm(ctx);
    case 'LayerNorm':
      return layerNorm(ctx);
    case 'LRN':
      return simpleModule(ctx, call('nn.LocalResponseNorm', [p.size as number], { alpha: p.alpha as number, beta: p.beta as number, k: p.k as number }));
    case 'Activation':
      return activationLayer(ctx);
    case 'ZeroPadding2D': {
      const [ph, pw] = pair(p.padding);
      return simpleModule(ctx, call('nn.ZeroPad2d', [new PyTuple([pw, pw, ph, ph])]));
    }
    case 'UpSampling2D': {
      const bilinear = p.interpolation === 'bilinear';
      return simpleModule(
        ctx,
        call('nn.Upsample', [], { scale_factor: pairValue(pair(p.size)), mode: bilinear ? 'bilinear' : 'nearest', align_corners: bilinear ? false : undefined }),
      );
    }
    case 'Concat':
      return concat(ctx);
    case 'Add':
      return merge(ctx, '+');
    case 'Multiply':
      return merge(ctx, '*');
    case 'Embedding':
      return embedding(ctx);
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return recurrent(ctx, ctx.layer.type);
    case 'Bidirectional':
      return bidirectional(ctx);
    case 'Reshape':
      return reshape(ctx);
    case 'Permute':
      return permute(ctx);
    case 'MultiHeadAttention':
      return multiHeadAttention(ctx);
    default:
      throw new UnsupportedLayerError('pytorch', ctx.layer.id, ctx.layer.type, 'no PyTorch translation for this layer type');
  }
}

