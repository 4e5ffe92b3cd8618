/**
 * Paper figures in the LeNet style label two things: the tensors (over each drawing: "C1: feature maps
 * 6@28x28", "F6: layer 84") and the operations between them (along the bottom: "Convolutions",
 * "Subsampling", "Full connection"). When every tensor but the first has one operation before it, each
 * tensor becomes the layer its operation names, sized by the tensor's own label; the operation labels go.
 */
import { shapeParams, type Recognition } from './labels.ts';
import type { DiagramNode } from './types.ts';

const cx = (n: DiagramNode) => (n.box[0] + n.box[2]) / 2;
const cy = (n: DiagramNode) => (n.box[1] + n.box[3]) / 2;

/** Rewrites `recs` in place; returns the ids of the operation labels it used up. */
export function pairOperations(nodes: DiagramNode[], recs: Map<string, Recognition>): Set<string> {
  const used = new Set<string>();
  const tensors = nodes.filter((n) => /\d/.test(n.text) && recs.has(n.id)).sort((a, b) => cx(a) - cx(b));
  const ops = nodes.filter((n) => !/\d/.test(n.text) && /[A-Za-z]{4,}/.test(n.text)).sort((a, b) => cx(a) - cx(b));
  if (ops.length < 2 || ops.length !== tensors.length - 1) return used;
  // Operations form their own row, wholly above or wholly below the tensor labels.
  const below = ops.every((o) => tensors.every((t) => cy(o) > t.box[3]));
  const above = ops.every((o) => tensors.every((t) => cy(o) < t.box[1]));
  if (!below && !above) return used;
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
  });
  for (const op of ops) {
    used.add(op.id);
    recs.delete(op.id);
  }
  return used;
}
