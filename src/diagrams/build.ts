/**
 * The back end both readers share: nodes + edges + text → recognised layers → a `paper2net.graph/1`
 * graph in topological order. Nodes that are not layers (Caffe blobs, unreadable boxes) are bridged
 * over; in-place layers on a blob (Caffe ReLU/Dropout drawn as blob→relu→blob) become a chain.
 */
import { analyseGraph, defaultInputShape, getSpec, GRAPH_FORMAT, type Graph, type Layer } from '../graph/index.ts';
import { hasParenthesisedType, recognizeLabel, type Recognition } from './labels.ts';
import { pairOperations } from './tensorOps.ts';
import type { Box, DiagramEdge, DiagramNode } from './types.ts';

export interface BuildContext {
  name: string;
  /** PDF page of the figure; a standalone image counts as page 1 with pixel boxes. */
  page: number;
  caption?: string;
  /** Figure box on the page (PDF points), or the image box in pixels. */
  bbox?: Box;
  /** Maps a node box to page coordinates (raster figures inside a PDF). */
  toPage?: (box: Box) => Box;
}

/** Params a figure rarely states but every layer needs: marked inferred when the catalog default fills them. */
const ESSENTIAL: Record<string, string[]> = {
  Input: ['shape'],
  Conv2D: ['filters', 'kernel'],
  Conv2DTranspose: ['filters', 'kernel'],
  Conv1D: ['filters', 'kernel'],
  DepthwiseConv2D: ['kernel'],
  MaxPool2D: ['pool'],
  AvgPool2D: ['pool'],
  Dense: ['units'],
  Dropout: ['rate'],
  LSTM: ['units'],
  GRU: ['units'],
  Embedding: ['vocab', 'dim'],
};

/** An input the figure does not size: the consumer's input row, else token ids for an Embedding, else an image. */
function inputGuess(consumer: Recognition | undefined, self: Recognition | undefined): { shape: number[]; dtype?: string } {
  const shape = self?.inShape ?? consumer?.inShape;
  if (consumer?.type === 'Embedding') return { shape: shape ?? [100], dtype: 'int32' };
  // A Dense straight on the input reads a vector (a Flatten would otherwise be invented).
  if (consumer?.type === 'Dense' || consumer?.type === 'LSTM' || consumer?.type === 'GRU' || consumer?.type === 'SimpleRNN') {
    return { shape: shape ?? (consumer.type === 'Dense' ? [1024] : [100, 32]) };
  }
  return { shape: shape ?? defaultInputShape() };
}

const centre = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

/** Main flow direction from the edges (or the node spread when there are none): +1 along y or x. */
function flowAxis(nodes: Map<string, DiagramNode>, edges: DiagramEdge[]): { axis: 0 | 1; sign: number } {
  let dx = 0;
  let dy = 0;
  for (const e of edges) {
    const a = centre(nodes.get(e.from)!.box);
    const b = centre(nodes.get(e.to)!.box);
    dx += b[0] - a[0];
    dy += b[1] - a[1];
  }
  if (edges.length === 0) {
    const xs = [...nodes.values()].map((n) => centre(n.box)[0]);
    const ys = [...nodes.values()].map((n) => centre(n.box)[1]);
    const spread = (v: number[]) => (v.length ? Math.max(...v) - Math.min(...v) : 0);
    return spread(xs) > spread(ys) ? { axis: 0, sign: 1 } : { axis: 1, sign: 1 };
  }
  return Math.abs(dx) > Math.abs(dy) ? { axis: 0, sign: Math.sign(dx) || 1 } : { axis: 1, sign: Math.sign(dy) || 1 };
}

function uniqueId(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'layer';
  let id = base;
  for (let n = 1; used.has(id); n++) id = `${base}_${n}`;
  used.add(id);
  return id;
}

class Adjacency {
  succ = new Map<string, Set<string>>();
  pred = new Map<string, Set<string>>();
  constructor(ids: Iterable<string>) {
    for (const id of ids) {
      this.succ.set(id, new Set());
      this.pred.set(id, new Set());
    }
  }
  add(a: string, b: string) {
    if (a === b) return;
    this.succ.get(a)!.add(b);
    this.pred.get(b)!.add(a);
  }
  remove(id: string) {
    for (const s of this.succ.get(id)!) this.pred.get(s)!.delete(id);
    for (const p of this.pred.get(id)!) this.succ.get(p)!.delete(id);
    this.succ.delete(id);
    this.pred.delete(id);
  }
}

/** Removes a non-layer node, wiring its producers through its in-place users to its consumers. */
function bridge(adj: Adjacency, id: string, order: (a: string, b: string) => number): void {
  const pred = adj.pred.get(id)!;
  const succ = adj.succ.get(id)!;
  const inPlace = [...pred].filter((p) => succ.has(p)).sort(order);
  const producers = [...pred].filter((p) => !succ.has(p));
  const consumers = [...succ].filter((s) => !pred.has(s));
  adj.remove(id);
  let heads = producers;
  for (const layer of inPlace) {
    for (const h of heads) adj.add(h, layer);
    heads = [layer];
  }
  for (const h of heads) for (const c of consumers) adj.add(h, c);
}

/** Kahn's order; ties go to the node earliest along the flow. Cycles are broken at the earliest node. */
function topologicalOrder(adj: Adjacency, position: (id: string) => number, warnings: string[]): string[] {
  const indegree = new Map([...adj.pred].map(([id, p]) => [id, p.size]));
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < indegree.size) {
    const ready = [...indegree].filter(([id, d]) => d === 0 && !done.has(id)).map(([id]) => id);
    ready.sort((a, b) => position(a) - position(b));
    // Depth first: follow the branch just emitted to its end before starting the next (as model files list layers).
    let next: string | undefined;
    for (let k = order.length - 1; k >= 0 && !next; k--) next = ready.find((id) => adj.pred.get(id)!.has(order[k]!));
    next ??= ready[0];
    if (!next) {
      next = [...indegree.keys()].filter((id) => !done.has(id)).sort((a, b) => position(a) - position(b))[0]!;
      warnings.push(`the connectors form a cycle; it was broken at node ${next}`);
      for (const p of [...adj.pred.get(next)!]) {
        if (!done.has(p)) {
          adj.succ.get(p)!.delete(next);
          adj.pred.get(next)!.delete(p);
        }
      }
    }
    done.add(next);
    order.push(next);
    for (const s of adj.succ.get(next)!) indegree.set(s, indegree.get(s)! - 1);
  }
  return order;
}

/**
 * Caffe draw_net writes a convolution's num_output on its outgoing connector; MXNet writes the tensor
 * shape channels-first ("96x109x109"), which becomes the layer's output shape [H, W, C].
 */
function applyEdgeLabels(edges: DiagramEdge[], recs: Map<string, Recognition>): void {
  for (const e of edges) {
    const rec = recs.get(e.from);
    const dims = e.label?.match(/^\s*(\d+)\s*x\s*(\d+)\s*x\s*(\d+)\s*$/);
    if (rec && dims && !rec.outShape) rec.outShape = [Number(dims[2]), Number(dims[3]), Number(dims[1])];
    const n = e.label?.match(/^\s*(\d{1,5})\s*$/)?.[1];
    if (!rec || !n) continue;
    if ((rec.type === 'Conv2D' || rec.type === 'Conv2DTranspose') && rec.params.filters === undefined) rec.params.filters = Number(n);
    if (rec.type === 'Dense' && rec.params.units === undefined) rec.params.units = Number(n);
  }
}

/** Caffe's InnerProduct flattens by itself; a graph needs the Flatten written out. */
function insertFlattens(graph: Graph, used: Set<string>): void {
  for (let pass = 0; pass < 4; pass++) {
    const { shapes } = analyseGraph(graph);
    const at = graph.layers.findIndex((l) => l.type === 'Dense' && l.inputs?.length === 1 && (shapes.get(l.inputs[0]!)?.length ?? 0) === 3);
    if (at < 0) return;
    const dense = graph.layers[at]!;
    const flatten: Layer = { id: uniqueId(`${dense.id}_flatten`, used), type: 'Flatten', inputs: dense.inputs, inferred: ['*'] };
    dense.inputs = [flatten.id];
    graph.layers.splice(at, 0, flatten);
  }
}

/**
 * Pooling that the figure's shape labels show rounding up (27 where flooring gives 26): Caffe and MXNet
 * round pooling outputs up, so ceil_mode is set (inferred) where that makes the drawn shape come out.
 */
function roundPoolingLikeLabels(graph: Graph, stated: Map<string, number[]>): void {
  for (const layer of graph.layers) {
    const want = stated.get(layer.id);
    if (!want || (layer.type !== 'MaxPool2D' && layer.type !== 'AvgPool2D') || layer.params?.ceil_mode !== undefined) continue;
    const got = analyseGraph(graph).shapes.get(layer.id);
    if (!got || got.length !== 3 || got[0] === want[0]) continue;
    layer.params = { ...layer.params, ceil_mode: true };
    if (analyseGraph(graph).shapes.get(layer.id)?.[0] === want[0]) layer.inferred = [...(layer.inferred ?? []), 'ceil_mode'];
    else delete layer.params.ceil_mode;
  }
}

/**
 * Branches that must meet in a Concat/Add but differ in size: a figure that says "3x3" rarely says the
 * padding, and "same" is what makes the branches meet. Set it (inferred) on the convolution feeding the merge.
 */
function padMergedBranches(graph: Graph): void {
  const byId = new Map(graph.layers.map((l) => [l.id, l]));
  for (let pass = 0; pass < 8; pass++) {
    const bad = analyseGraph(graph).issues.find((i) => i.layerId && i.code === 'merge-mismatch');
    if (!bad) return;
    let fixed = false;
    for (const start of byId.get(bad.layerId!)!.inputs ?? []) {
      // The nearest convolution up the branch whose padding the figure left open.
      const unpadded = (layer: Layer) => layer.type === 'Conv2D' && layer.params?.padding === undefined && JSON.stringify(layer.params?.kernel) !== '[1,1]';
      let layer = byId.get(start);
      while (layer && !unpadded(layer) && layer.inputs?.length === 1) layer = byId.get(layer.inputs[0]!);
      if (layer && unpadded(layer)) {
        layer.params = { ...layer.params, padding: 'same' };
        layer.inferred = [...(layer.inferred ?? []), 'padding'];
        fixed = true;
      }
    }
    if (!fixed) return;
  }
}

/**
 * Pieces of the drawing that no connector joins (VGG strips separated by gaps or dashed lines) but that
 * follow one another along the flow: the last layer of each piece feeds the first of the next.
 */
function chainComponents(adj: Adjacency, position: (id: string) => number, warnings: string[]): void {
  const seen = new Set<string>();
  const parts: string[][] = [];
  for (const start of adj.succ.keys()) {
    if (seen.has(start)) continue;
    const part: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const id = stack.pop()!;
      part.push(id);
      for (const next of [...adj.succ.get(id)!, ...adj.pred.get(id)!]) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    parts.push(part.sort((a, b) => position(a) - position(b)));
  }
  if (parts.length < 2) return;
  parts.sort((a, b) => position(a[0]!) - position(b[0]!));
  for (let k = 1; k < parts.length; k++) {
    const [before, after] = [parts[k - 1]!, parts[k]!];
    // Only pieces that lie wholly one after the other: side-by-side pieces may be separate networks.
    if (position(before[before.length - 1]!) >= position(after[0]!)) continue;
    const sink = [...before].reverse().find((id) => adj.succ.get(id)!.size === 0);
    const source = after.find((id) => adj.pred.get(id)!.size === 0);
    if (!sink || !source) continue;
    adj.add(sink, source);
    warnings.push(`nodes ${sink} and ${source} have no connector between them: joined in reading order`);
  }
}

/** "224", "64 64", "55×55", "13": dimensions written on a drawing. */
const isSizeLabel = (text: string) => /\d/.test(text) && /^[\d\s×x*@,/]+$/.test(text);

export function buildGraph(nodes: DiagramNode[], edges: DiagramEdge[], ctx: BuildContext): { graph: Graph; warnings: string[] } {
  const warnings: string[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const caffeStyle = nodes.filter((n) => hasParenthesisedType(n.text)).length >= 2;
  const recs = new Map<string, Recognition>();
  for (const node of nodes) {
    // In a draw_net figure blobs (octagons) hold data, not layers. OCR may lose a layer's "(Type)"
    // brackets, so there the drawn shape decides; elsewhere an ellipse may well name a layer.
    if (node.shape === 'blob' && caffeStyle) continue;
    const rec = recognizeLabel(node.text);
    if (rec) recs.set(node.id, rec);
    else if (node.shape !== 'label' && node.text.trim())
      warnings.push(`node ${node.id} ("${node.text.replace(/\s+/g, ' ').slice(0, 40)}") is not a known layer; bridged over`);
  }
  // Free labels only: tensor labels may be typed by the operation labels written between them.
  if (edges.length === 0 && nodes.every((n) => n.shape === 'label')) pairOperations(nodes, recs);
  applyEdgeLabels(edges, recs);
  const directed = edges.filter((e) => e.directed);
  const { axis, sign } = flowAxis(byId, directed.length ? directed : edges);
  const position = (id: string) => sign * centre(byId.get(id)!.box)[axis] + 1e-3 * centre(byId.get(id)!.box)[1 - axis];
  // A connector without an arrow head beside a headed one between the same boxes is its way back (an
  // in-place layer on a blob); any other follows the layout's direction.
  const headedPairs = new Set(directed.map((e) => `${e.from}>${e.to}`));
  edges = edges.map((e) => {
    if (e.directed) return e;
    const flip = headedPairs.has(`${e.from}>${e.to}`) || (!headedPairs.has(`${e.to}>${e.from}`) && position(e.from) > position(e.to));
    return flip ? { ...e, from: e.to, to: e.from } : e;
  });

  const adj = new Adjacency(nodes.map((n) => n.id));
  for (const e of edges) if (byId.has(e.from) && byId.has(e.to)) adj.add(e.from, e.to);
  if (edges.length === 0) {
    // No connectors: the reading order along the layout is the chain.
    const chain = [...recs.keys()].sort((a, b) => position(a) - position(b));
    for (let i = 1; i < chain.length; i++) adj.add(chain[i - 1]!, chain[i]!);
    if (chain.length > 1) warnings.push('no connectors found: layers chained in reading order');
  }
  // In-place layers on one blob: normalisation, then activation, then dropout (Caffe's usual order).
  const stage = (id: string) => (({ BatchNorm: 0, Activation: 1, Dropout: 2 }) as Record<string, number>)[recs.get(id)?.type ?? ''] ?? 1;
  const inPlaceOrder = (a: string, b: string) => stage(a) - stage(b) || position(a) - position(b);
  for (const node of [...nodes].sort((a, b) => position(a.id) - position(b.id))) if (!recs.has(node.id)) bridge(adj, node.id, inPlaceOrder);

  chainComponents(adj, position, warnings);
  const order = topologicalOrder(adj, position, warnings);
  const used = new Set<string>();
  const ids = new Map<string, string>();
  const layers: Layer[] = [];
  const sourceOf = (node: DiagramNode) => ({ page: ctx.page, bbox: ctx.toPage ? ctx.toPage(node.box) : node.box, text: node.text });
  for (const nodeId of order) {
    const rec = recs.get(nodeId)!;
    const node = byId.get(nodeId)!;
    const spec = getSpec(rec.type)!;
    let preds = [...adj.pred.get(nodeId)!].filter((p) => ids.has(p));
    if (preds.length > spec.arity.max) {
      // A single-input layer with several connectors: keep the nearest one.
      const c = centre(node.box);
      const dist = (p: string) => Math.hypot(centre(byId.get(p)!.box)[0] - c[0], centre(byId.get(p)!.box)[1] - c[1]);
      warnings.push(`${rec.type} node ${nodeId} has ${preds.length} incoming connectors; kept the nearest`);
      preds = [...preds].sort((a, b) => dist(a) - dist(b)).slice(0, spec.arity.max);
    }
    preds.sort((a, b) => centre(byId.get(a)!.box)[1 - axis] - centre(byId.get(b)!.box)[1 - axis]);
    const layer: Layer = { id: uniqueId(rec.name ?? rec.type.toLowerCase(), used), type: rec.type };
    if (rec.type !== 'Input' && preds.length === 0) {
      const input: Layer = { id: uniqueId('input', used), type: 'Input', params: inputGuess(rec, rec), inferred: ['*'], source: sourceOf(node) };
      layers.push(input);
      layer.inputs = [input.id];
    } else if (preds.length > 0) layer.inputs = preds.map((p) => ids.get(p)!);
    if (rec.type === 'Input' && rec.params.shape === undefined) {
      const consumers = [...adj.succ.get(nodeId)!].map((s) => recs.get(s)).filter((r): r is Recognition => !!r);
      Object.assign(rec.params, inputGuess(consumers.find((c) => c.inShape) ?? consumers[0], undefined));
      rec.inferred.push(...Object.keys(rec.params));
    }
    const inferred = new Set(rec.inferred);
    for (const p of ESSENTIAL[rec.type] ?? []) if (rec.params[p] === undefined) inferred.add(p);
    if (Object.keys(rec.params).length) layer.params = rec.params;
    if (inferred.size) layer.inferred = [...inferred];
    layer.source = sourceOf(node);
    layers.push(layer);
    // A block of like layers ("64 64" over "conv1"): one layer per width, chained.
    let last = layer;
    for (const width of rec.widths?.slice(1) ?? []) {
      const param = rec.type === 'Dense' ? 'units' : 'filters';
      const next: Layer = { ...last, id: uniqueId(layer.id, used), inputs: [last.id], params: { ...last.params, [param]: width } };
      layers.push(next);
      last = next;
    }
    ids.set(nodeId, last.id);
  }
  const graph: Graph = { format: GRAPH_FORMAT, name: ctx.name, layers, source: { kind: 'figure', page: ctx.page } };
  if (ctx.bbox) graph.source!.bbox = ctx.bbox;
  if (ctx.caption) graph.source!.caption = ctx.caption;
  insertFlattens(graph, used);
  const stated = new Map([...ids].flatMap(([nodeId, layerId]) => (recs.get(nodeId)?.outShape ? [[layerId, recs.get(nodeId)!.outShape!] as const] : [])));
  // Branch sizes first (shapes downstream of a merge exist only once it agrees), then pooling rounding.
  padMergedBranches(graph);
  roundPoolingLikeLabels(graph, stated);
  const issues = analyseGraph(graph).issues;
  const errors = issues.filter((i) => i.severity === 'error');
  for (const i of errors) warnings.push(i.message);
  // A free label of numbers only ("224", "64 64") gives sizes, never a layer's name: it is not a miss.
  const textNodes = nodes.filter(
    (n) => !(n.shape === 'blob' && caffeStyle) && n.text.trim() && (n.shape !== 'label' || !isSizeLabel(n.text) || recs.has(n.id)),
  );
  const recognised = textNodes.length ? recs.size / textNodes.length : 0;
  const scoreOf = (id: string, r: Recognition) => (byId.get(id)?.guessed ? 0.5 : 1) * r.score;
  const meanScore = recs.size ? [...recs].reduce((s, [id, r]) => s + scoreOf(id, r), 0) / recs.size : 0;
  const headed = edges.length ? directed.length / edges.length : 0.5;
  graph.confidence = Number((recognised * meanScore * (0.7 + 0.3 * headed) * (errors.length ? 0.6 : 1) * (layers.length >= 3 ? 1 : 0.5)).toFixed(3));
  if (warnings.length) graph.warnings = [...warnings];
  return { graph, warnings };
}
