/**
 * Attention from MatMul and Softmax (opset 17 has no attention operator; MultiHeadAttention is a Microsoft
 * extension): the bare DotProductAttention core, and MultiHeadAttention as that core between projections.
 */
import type { Lowering, LoweringContext } from './layers.ts';

/** Steps [Tq, Tk] of a causal mask: 0 where the query step may see the key step, -inf after it. */
function causalMask(steps: number, keySteps: number): Float32Array {
  const mask = new Float32Array(steps * keySteps);
  for (let i = 0; i < steps; i++) for (let j = i + 1; j < keySteps; j++) mask[i * keySteps + j] = -Infinity;
  return mask;
}

/**
 * softmax(q kᵀ / √d) v within each head, the heads splitting the features:
 * q [N, Tq, h·d], k [N, Tk, h·d], v [N, Tk, h·dv] → [N, Tq, h·dv].
 */
function attend(
  context: LoweringContext,
  q: string,
  k: string,
  v: string,
  shapes: { heads: number; headDim: number; steps: number; keySteps: number },
  causal: boolean,
): string {
  const { name, builder, tmp } = context;
  const split = (source: string, what: string, perm: number[]): string =>
    builder.node('Transpose', [builder.node('Reshape', [source, builder.int64s([0, 0, shapes.heads, -1])], tmp(`${what}_heads`))], tmp(`${what}_t`), { perm });
  const queries = split(q, 'query', [0, 2, 1, 3]); // [N, h, Tq, d]
  const keys = split(k, 'key', [0, 2, 3, 1]); // [N, h, d, Tk]
  const values = split(v, 'value', [0, 2, 1, 3]); // [N, h, Tk, dv]
  let scores = builder.node(
    'Mul',
    [builder.node('MatMul', [queries, keys], tmp('scores')), builder.floats([1 / Math.sqrt(shapes.headDim)], [])],
    tmp('scaled'),
  );
  if (causal) {
    const mask = builder.weight(`${name}.causal_mask`, [shapes.steps, shapes.keySteps], { kind: 'values', values: causalMask(shapes.steps, shapes.keySteps) });
    scores = builder.node('Add', [scores, mask], tmp('masked'));
  }
  const attention = builder.node('Softmax', [scores], tmp('attention'), { axis: -1 });
  const mixed = builder.node('Transpose', [builder.node('MatMul', [attention, values], tmp('mixed'))], tmp('mixed_t'), { perm: [0, 2, 1, 3] });
  return builder.node('Reshape', [mixed, builder.int64s([0, 0, -1])], tmp('merged'));
}

/** Inputs query, key (= query), value (= key), as the catalog defines them. */
export const dotProductAttention: Lowering = (context) => {
  const { params, inputs } = context;
  const [query, key = query, value = key] = inputs;
  const heads = params.heads as number;
  const shapes = { heads, headDim: query!.shape[1]! / heads, steps: query!.shape[0]!, keySteps: key!.shape[0]! };
  return attend(context, query!.name, key!.name, value!.name, shapes, params.causal as boolean);
};

/** Keras' MultiHeadAttention: project query, key and value to heads × key_dim, attend, project back. */
export const multiHeadAttention: Lowering = (context) => {
  const { params, name, inputs, builder, tmp } = context;
  const heads = params.heads as number;
  const keyDim = params.key_dim as number;
  const [query, value = query] = inputs;
  const features = query!.shape[1]!;
  const width = heads * keyDim;
  const project = (source: string, what: string, from: number, to: number): string => {
    const weight = builder.weight(`${name}.${what}.weight`, [from, to], { kind: 'xavier', fanIn: from, fanOut: to });
    const bias = builder.weight(`${name}.${what}.bias`, [to], { kind: 'constant', value: 0 });
    return builder.node('Add', [builder.node('MatMul', [source, weight], tmp(`${what}_matmul`)), bias], tmp(what));
  };
  const q = project(query!.name, 'query', features, width);
  const k = project(value!.name, 'key', features, width);
  const v = project(value!.name, 'value', features, width);
  const shapes = { heads, headDim: keyDim, steps: query!.shape[0]!, keySteps: value!.shape[0]! };
  return project(attend(context, q, k, v, shapes, false), 'output', width, features);
};
