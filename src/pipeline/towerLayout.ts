/**
 * A layered layout of our own for big graphs, which are mostly chains with skips and a few branches (DenseNet-121's
 * 428 layers): layers by longest path from the inputs, then layer by layer each node is placed under the middle of
 * its inputs, and nodes that would overlap are pushed apart and the layer centred again on where they wanted to be.
 * Linear in nodes and edges, where ELK's layered algorithm took seconds on such graphs (most of it compiling the
 * code the first big graph needs). The editor draws its own edges, so no routes are made.
 */
import type { PlacedBox } from './columnWrap.ts';
import type { NodeBox } from './protocol.ts';

export interface TowerSpacing {
  /** Vertical gap between two layers. */
  betweenLayers: number;
  /** Horizontal gap between two nodes of one layer. */
  beside: number;
}

/** Node indices in topological order (inputs first, ties in the given order); nodes on a cycle come last. */
function topologicalOrder(count: number, inputs: number[][], outputs: number[][]): number[] {
  const waiting = inputs.map((list) => list.length);
  const order: number[] = [];
  for (let i = 0; i < count; i++) if (waiting[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) for (const next of outputs[order[k]!]!) if (--waiting[next]! === 0) order.push(next);
  if (order.length < count) {
    const placed = new Set(order);
    for (let i = 0; i < count; i++) if (!placed.has(i)) order.push(i);
  }
  return order;
}

export function towerLayout(nodes: NodeBox[], edges: Array<[string, string]>, spacing: TowerSpacing): Record<string, PlacedBox> {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const inputs = nodes.map((): number[] => []);
  const outputs = nodes.map((): number[] => []);
  for (const [from, to] of edges) {
    const [a, b] = [index.get(from), index.get(to)];
    if (a === undefined || b === undefined || a === b) continue;
    inputs[b]!.push(a);
    outputs[a]!.push(b);
  }
  const order = topologicalOrder(nodes.length, inputs, outputs);
  // Longest path from the inputs; on a cycle only the inputs already placed count.
  const layerOf = new Array<number>(nodes.length).fill(-1);
  const layers: number[][] = [];
  for (const i of order) {
    const layer = inputs[i]!.reduce((deepest, j) => Math.max(deepest, layerOf[j]! + 1), 0);
    layerOf[i] = layer;
    (layers[layer] ??= []).push(i);
  }
  const centre = new Array<number>(nodes.length).fill(0);
  const boxes: Record<string, PlacedBox> = {};
  let top = 0;
  for (const layer of layers) {
    // Where each node wants its centre: under the middle of its inputs (already placed, in layers above).
    const wanted = new Map(layer.map((i) => [i, inputs[i]!.length ? inputs[i]!.reduce((sum, j) => sum + centre[j]!, 0) / inputs[i]!.length : 0]));
    const row = [...layer].sort((a, b) => wanted.get(a)! - wanted.get(b)!);
    // Left to right, each at its wanted place or just right of its neighbour; then the row shifted so that on
    // average every node is where it wanted to be.
    let right = -Infinity;
    for (const i of row) {
      const half = nodes[i]!.width / 2;
      centre[i] = Math.max(wanted.get(i)!, right + spacing.beside + half);
      right = centre[i]! + half;
    }
    const shift = row.reduce((sum, i) => sum + wanted.get(i)! - centre[i]!, 0) / row.length;
    let height = 0;
    for (const i of row) {
      centre[i]! += shift;
      const { id, width, height: h } = nodes[i]!;
      boxes[id] = { x: centre[i]! - width / 2, y: top, width, height: h };
      height = Math.max(height, h);
    }
    top += height + spacing.betweenLayers;
  }
  return boxes;
}
