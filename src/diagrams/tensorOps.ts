/**
 * Paper figures in the LeNet style label two things: the tensors (over each drawing: "C1: feature maps
 * 6@28x28", "F6: layer 84") and the operations between them (along the bottom: "Convolutions",
 * "Subsampling", "Full connection"). When every tensor but the first has one operation before it, each
 * tensor becomes the layer its operation names, sized by the tensor's own label; those operation labels go.
 */
import { shapeParams, type Recognition } from './labels.ts';
import type { DiagramNode } from './types.ts';

const cx = (n: DiagramNode) => (n.box[0] + n.box[2]) / 2;
const cy = (n: DiagramNode) => (n.box[1] + n.box[3]) / 2;

/** Rewrites `recs` in place; returns the ids of the operation labels it used up. */
export function pairOperations(nodes: DiagramNode[], recs: Map<string, Recognition>): Set<string> {
  const used = new Set<string>();
  const tensors = nodes.filter((n) => /\d/.test(n.text) && recs.has(n.id)).sort((a, b) => cx(a) - cx(b));
  const words = nodes.filter((n) => !/\d/.test(n.text) && /[A-Za-z]{4,}/.test(n.text));
  // Operations form their own row, wholly below (or wholly above) the tensor labels.
  const below = words.filter((o) => tensors.every((t) => cy(o) > t.box[3]));
  const above = words.filter((o) => tensors.every((t) => cy(o) < t.box[1]));
  const ops = (below.length >= above.length ? below : above).sort((a, b) => cx(a) - cx(b));
  // Every tensor after the first needs its operation; operations past the last tensor (whose tensor
  // labels were lost) stay layers of their own.
  if (ops.length < 2 || tensors.length < 3 || ops.length < tensors.length - 1) return used;
  // The i-th operation starts after the i-th tensor begins, or the rows do not line up.
  if (tensors.slice(0, -1).some((t, i) => cx(ops[i]!) < t.box[0])) return used;
  let previous = recs.get(tensors[0]!.id)!;
  tensors.slice(1).forEach((tensor, i) => {
    const own = recs.get(tensor.id)!;
    const op = recs.get(ops[i]!.id);
    const outShape = own.outShape ?? (own.type === 'Input' ? (own.params.shape as number[] | undefined) : undefined);
    const inShape = previous.outShape ?? (previous.type === 'Input' ? (previous.params.shape as number[] | undefined) : undefined);
    let rec = own;
    if (op && op.type !== own.type) {
      rec = { type: op.type, params: { ...op.params }, inferred: [], score: Math.min(op.score, own.score) };
      const width = outShape?.[outShape.length - 1] ?? (own.params.filters as number | undefined) ?? (own.params.units as number | undefined);
      if (width !== undefined && rec.type === 'Conv2D') rec.params.filters = width;
      if (width !== undefined && rec.type === 'Dense') rec.params.units = width;
    }
    if (outShape) rec.outShape = outShape;
    if (inShape) rec.inShape = inShape;
    shapeParams(rec);
    recs.set(tensor.id, rec);
    previous = rec;
    used.add(ops[i]!.id);
    recs.delete(ops[i]!.id);
  });
  return used;
}
