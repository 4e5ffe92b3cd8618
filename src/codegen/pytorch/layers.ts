/**
 * One graph layer → the `nn` modules it declares and the lines it adds to `forward`: the dispatcher,
 * and every layer that is not a sliding window. Shapes arrive channels-last; code is NCHW.
 */
import { torchModule, isLayerType, isUnsupported, type LayerType, type LoweredLayerType, type Shape, type Unsupported } from '../../graph/index.ts';
import { UnsupportedLayerError } from '../errors.ts';
import { PyTuple, pyComment } from '../python.ts';
import { dotProductAttention } from './attention.ts';
import { featureDim, isImage, torchDim } from './layout.ts';
import { activate, applyOverFeatures, call, pair, pairValue, preluModule, type TorchLayerContext, type TorchModule, type TorchStep } from './step.ts';
import { conv1d, conv2d, conv2dTranspose, depthwiseConv2d, globalPool, globalPool1d, pool1d, pool2d } from './windows.ts';

function dense(ctx: TorchLayerContext): TorchStep {
  const input = ctx.inShapes[0]!;
  const attr = ctx.attr();
  const modules: TorchModule[] = [
    { attr, expr: call(torchModule('Dense'), [input[input.length - 1]!, ctx.params.units as number], { bias: ctx.params.use_bias ? undefined : false }) },
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
  if (input.length === 3)
    return { modules: [{ attr, expr: call('nn.BatchNorm2d', [input[2]!], kwargs) }], forward: [`${ctx.out} = self.${attr}(${ctx.inputs[0]})`] };
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
  const module = call(torchModule('LayerNorm'), [features], { eps: ctx.params.epsilon === 1e-5 ? undefined : (ctx.params.epsilon as number) });
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
  const module = torchModule('Activation', { fn: p.fn! });
  const args: Record<string, string> = {
    leaky_relu: call(module, [alpha]),
    prelu: preluModule(shape),
    softmax: call(module, [], { dim: featureDim(shape) }),
    elu: call(module, [], { alpha: alpha === 1 ? undefined : alpha }),
  };
  const apply = p.fn === 'prelu' ? applyOverFeatures(`self.${attr}`, ctx.inputs[0]!, shape) : `self.${attr}(${ctx.inputs[0]})`;
  return { modules: [{ attr, expr: args[p.fn as string] ?? call(module, []) }], forward: [`${ctx.out} = ${apply}`] };
}

function recurrentModule(cell: string): string {
  return torchModule(cell as LayerType);
}

function recurrent(ctx: TorchLayerContext, cell: string): TorchStep {
  if (ctx.params.bidirectional) return bidirectional(ctx, cell);
  const input = ctx.inShapes[0]!;
  const attr = ctx.attr();
  const module = call(recurrentModule(cell), [input[1]!, ctx.params.units as number], { batch_first: true });
  const forward = [`${ctx.out}, _ = self.${attr}(${ctx.inputs[0]})`];
  if (!ctx.params.return_sequences) forward.push(`${ctx.out} = ${ctx.out}[:, -1]`);
  return { modules: [{ attr, expr: module }], forward };
}

function bidirectional(ctx: TorchLayerContext, cell: string): TorchStep {
  const p = ctx.params;
  const input = ctx.inShapes[0]!;
  const units = p.units as number;
  const attr = ctx.attr();
  const module = call(recurrentModule(cell), [input[1]!, units], { batch_first: true, bidirectional: true });
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
          expr: call(torchModule('MultiHeadAttention'), [], { embed_dim: features, num_heads: heads, batch_first: true }),
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
      {
        attr: project,
        comments: [pyComment(`${features} features do not split into ${heads} heads: attend in ${heads} x ${keyDim} = ${inner} dims`)],
        expr: call('nn.Linear', [features, inner]),
      },
      { attr, expr: call(torchModule('MultiHeadAttention'), [], { embed_dim: inner, num_heads: heads, kdim: features, vdim: features, batch_first: true }) },
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
  return simpleModule(ctx, call(torchModule('Embedding'), [ctx.params.vocab as number, ctx.params.dim as number]));
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

type TorchLowering = (ctx: TorchLayerContext) => TorchStep;

/** Every layer type's PyTorch modules and forward lines; a new catalog type fails to compile here until it is given one. */
const TORCH_LOWERINGS: Record<LoweredLayerType, TorchLowering | Unsupported> = {
  Conv2D: conv2d,
  Conv1D: conv1d,
  Conv2DTranspose: conv2dTranspose,
  DepthwiseConv2D: depthwiseConv2d,
  MaxPool2D: (ctx) => pool2d(ctx, 'max'),
  AvgPool2D: (ctx) => pool2d(ctx, 'avg'),
  GlobalAvgPool2D: (ctx) => globalPool(ctx, 'avg'),
  GlobalMaxPool2D: (ctx) => globalPool(ctx, 'max'),
  MaxPool1D: (ctx) => pool1d(ctx, 'max'),
  AvgPool1D: (ctx) => pool1d(ctx, 'avg'),
  GlobalMaxPool1D: (ctx) => globalPool1d(ctx, 'max'),
  GlobalAvgPool1D: (ctx) => globalPool1d(ctx, 'avg'),
  Dense: dense,
  Flatten: (ctx) => ({ modules: [], forward: [`${ctx.out} = torch.flatten(${ctx.inputs[0]}, 1)`] }),
  Dropout: (ctx) => simpleModule(ctx, call(torchModule('Dropout'), [], { p: ctx.params.rate as number })),
  BatchNorm: batchNorm,
  LayerNorm: layerNorm,
  LRN: (ctx) => {
    const p = ctx.params;
    return simpleModule(ctx, call(torchModule('LRN'), [p.size as number], { alpha: p.alpha as number, beta: p.beta as number, k: p.k as number }));
  },
  Activation: activationLayer,
  ZeroPadding2D: (ctx) => {
    const [ph, pw] = pair(ctx.params.padding);
    return simpleModule(ctx, call(torchModule('ZeroPadding2D'), [new PyTuple([pw, pw, ph, ph])]));
  },
  Cropping2D: (ctx) => {
    const [top, , left] = ctx.params.cropping as number[];
    const [height, width] = ctx.outShape;
    return { modules: [], forward: [`${ctx.out} = ${ctx.inputs[0]}[:, :, ${top}:${top! + height!}, ${left}:${left! + width!}]`] };
  },
  UpSampling2D: (ctx) => {
    const bilinear = ctx.params.interpolation === 'bilinear';
    return simpleModule(
      ctx,
      call(torchModule('UpSampling2D'), [], {
        scale_factor: pairValue(pair(ctx.params.size)),
        mode: bilinear ? 'bilinear' : 'nearest',
        align_corners: bilinear ? false : undefined,
      }),
    );
  },
  Concat: concat,
  Add: (ctx) => merge(ctx, '+'),
  Multiply: (ctx) => merge(ctx, '*'),
  Embedding: embedding,
  SimpleRNN: (ctx) => recurrent(ctx, 'SimpleRNN'),
  LSTM: (ctx) => recurrent(ctx, 'LSTM'),
  GRU: (ctx) => recurrent(ctx, 'GRU'),
  Reshape: reshape,
  Permute: permute,
  MultiHeadAttention: multiHeadAttention,
  DotProductAttention: dotProductAttention,
};

/** The modules and forward lines of one layer; throws UnsupportedLayerError when PyTorch cannot express it. */
export function torchStep(ctx: TorchLayerContext): TorchStep {
  const type = ctx.layer.type;
  const lowering = isLayerType(type) && type !== 'Input' ? TORCH_LOWERINGS[type] : undefined;
  if (!lowering) throw new UnsupportedLayerError('pytorch', ctx.layer.id, type, 'no PyTorch translation for this layer type');
  if (isUnsupported(lowering)) throw new UnsupportedLayerError('pytorch', ctx.layer.id, type, lowering.unsupported);
  return lowering(ctx);
}
