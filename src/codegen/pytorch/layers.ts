/**
 * One graph layer → the `nn` modules it declares and the lines it adds to `forward`: the dispatcher,
 * and every layer that is not a sliding window. Shapes arrive channels-last; code is NCHW.
 */
import { getSpec, isUnsupported, type Shape } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { PyTuple, pyComment } from '../python.ts';
import { dotProductAttention } from './attention.ts';
import { featureDim, isImage, torchDim } from './layout.ts';
import { activate, applyOverFeatures, call, pair, pairValue, preluModule, type TorchLayerContext, type TorchModule, type TorchStep } from './step.ts';
import { conv1d, conv2d, conv2dTranspose, depthwiseConv2d, globalPool, pool2d } from './windows.ts';

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

/** Several inputs are summed, then normalised. */
function layerNorm(ctx: TorchLayerContext): TorchStep {
  const input = ctx.inShapes[0]!;
  const attr = ctx.attr();
  const features = input[input.length - 1]!;
  const module = call('nn.LayerNorm', [features], { eps: ctx.params.epsilon === 1e-5 ? undefined : (ctx.params.epsilon as number) });
  const sum = ctx.inputs.join(' + ');
  if (isImage(input)) {
    const source = ctx.inputs.length === 1 ? sum : `(${sum})`;
    return {
      modules: [{ attr, expr: module }],
      forward: [pyComment('normalise over the channels, which are dim 1 here'), `${ctx.out} = self.${attr}(${source}.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)`],
    };
  }
  return { modules: [{ attr, expr: module }], forward: [`${ctx.out} = self.${attr}(${sum})`] };
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
    case 'Cropping2D': {
      const [top, , left] = p.cropping as number[];
      const [height, width] = ctx.outShape;
      return { modules: [], forward: [`${ctx.out} = ${ctx.inputs[0]}[:, :, ${top}:${top! + height!}, ${left}:${left! + width!}]`] };
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
    case 'DotProductAttention':
      return dotProductAttention(ctx);
    default:
      throw new UnsupportedLayerError('pytorch', ctx.layer.id, ctx.layer.type, 'no PyTorch translation for this layer type');
  }
}
