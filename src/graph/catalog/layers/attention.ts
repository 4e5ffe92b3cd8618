/** Attention: MultiHeadAttention over sequences. */
import { describe, requireRank } from '../shape-rules.ts';
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
