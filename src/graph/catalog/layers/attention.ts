/** Attention over sequences: MultiHeadAttention (with its projections) and the bare DotProductAttention core. */
import { describe, requireRank } from '../shape-rules.ts';
import type { Shape } from '../../types.ts';
import { ShapeError, type LayerSpec } from '../spec.ts';

export const multiHeadAttention: LayerSpec = {
  type: 'MultiHeadAttention',
  category: 'attention',
  doc: 'Multi-head scaled dot-product attention; one input = self-attention, two = query and value',
  aliases: [
    { text: 'multi-head attention' },
    { text: 'multihead attention' },
    { text: 'multi head attention' },
    { text: 'mha' },
    { text: 'self-attention' },
    { text: 'self attention' },
    { text: 'attention' },
    { text: 'MultiHeadAttention' },
  ],
  params: [
    { name: 'heads', kind: 'int', default: 8, min: 1, max: 1024, doc: 'Number of heads' },
    { name: 'key_dim', kind: 'int', default: 64, min: 1, max: 65536, doc: 'Size of each head' },
  ],
  arity: { min: 1, max: 2 },
  outputShape: (inputs) => {
    const [query, value] = inputs;
    requireRank(query!, [2], 'MultiHeadAttention');
    if (value) {
      requireRank(value, [2], 'MultiHeadAttention');
      if (value[1] !== query![1]) throw new ShapeError(`MultiHeadAttention query ${describe(query!)} and value ${describe(value)} need the same feature size`);
    }
    return [...query!];
  },
  targets: {
    keras: { className: 'MultiHeadAttention' },
    caffe: { unsupported: 'Caffe has no attention layer' },
    pytorch: { module: 'MultiheadAttention' },
    onnx: { op: 'MultiHeadAttention' },
  },
};

/**
 * The attention core alone: no learned projections, so the query, key and value are whatever feeds it
 * (usually Dense layers). The heads split the features: each head attends over features / heads of them.
 */
export const dotProductAttention: LayerSpec = {
  type: 'DotProductAttention',
  category: 'attention',
  doc: 'Scaled dot-product attention without projections; inputs query, key (= query), value (= key); heads split the features',
  aliases: [
    { text: 'scaled dot-product attention' },
    { text: 'scaled dot product attention' },
    { text: 'dot-product attention' },
    { text: 'dot product attention' },
    { text: 'DotProductAttention' },
  ],
  params: [
    { name: 'heads', kind: 'int', default: 1, min: 1, max: 1024, doc: 'Number of heads; each attends over features / heads of the features' },
    { name: 'causal', kind: 'bool', default: false, doc: 'Each query step sees only key steps up to its own (masked decoder self-attention)' },
  ],
  arity: { min: 1, max: 3 },
  outputShape: (inputs, params) => {
    const [query, key = query, value = key] = inputs as [Shape, Shape?, Shape?];
    for (const shape of [query, key!, value!]) requireRank(shape, [2], 'DotProductAttention');
    const heads = params.heads as number;
    if (key![1] !== query[1]) throw new ShapeError(`DotProductAttention query ${describe(query)} and key ${describe(key!)} need the same feature size`);
    if (value![0] !== key![0]) throw new ShapeError(`DotProductAttention key ${describe(key!)} and value ${describe(value!)} need the same number of steps`);
    for (const [what, shape] of [
      ['query', query],
      ['value', value!],
    ] as const) {
      if (shape[1]! % heads !== 0) throw new ShapeError(`DotProductAttention ${what} features ${shape[1]} do not split into ${heads} heads`, 'heads');
    }
    return [query[0]!, value![1]!];
  },
  targets: {
    keras: { className: 'DotProductAttention' },
    caffe: { unsupported: 'Caffe has no attention layer' },
    pytorch: {},
    // Built from MatMul, Softmax and Reshape/Transpose; opset 17 has no attention operator.
    onnx: { op: 'MatMul' },
  },
};
