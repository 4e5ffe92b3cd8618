/**
 * The back end both readers share: nodes + edges + text → recognised layers → a `paper2net.graph/1`
 * graph in topological order. Nodes that are not layers (Caffe blobs, unreadable boxes) are bridged
 * over; in-place layers on a blob (Caffe ReLU/Dropout drawn as blob→relu→blob) become a chain.
 */
import { analyseGraph, defaultInputShape, getSpec, GRAPH_FORMAT, traitsOf, windowKind, type Analysis, type Graph, type Layer } from '../graph/index.ts';
import { hasParenthesisedType, recognizeLabel, withDrawNetType, type Recognition } from './labels.ts';
import { pairOperations } from './tensorOps.ts';
import type { Box, DiagramEdge, DiagramNode, Side } from './types.ts';

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

/** An arrow leaving one box by `a` and entering the next by `b`: its axis and sign. */
const SIDE_FLOW: Record<string, [0 | 1, number]> = { 'bottom>top': [1, 1], 'top>bottom': [1, -1], 'right>left': [0, 1], 'left>right': [0, -1] };

/**
 * Main flow direction: from the arrow heads when there are any. Connectors without heads give the axis
 * only; the sign then comes from what the layers are — a network flows away from its input and into the
 * layer where branches merge — and is reading order (down, right) when they do not tell.
 */
function flowAxis(nodes: Map<string, DiagramNode>, edges: DiagramEdge[], recs: Map<string, Recognition>): { axis: 0 | 1; sign: number } {
  const directed = edges.filter((e) => e.directed);
  const vector = (e: DiagramEdge) => {
    const [a, b] = [centre(nodes.get(e.from)!.box), centre(nodes.get(e.to)!.box)];
    return [b[0] - a[0], b[1] - a[1]] as const;
  };
  if (directed.length) {
    // Each arrow votes along its own axis: a long shortcut drawn back up the page is one arrow, not its length.
    const votes = [0, 0];
    const count = [0, 0];
    for (const e of directed) {
      // The sides an arrow leaves and enters by say its direction better than the boxes' centres (a fan's
      // arrows run aslant between boxes far apart across the flow).
      const bySides = e.sides ? SIDE_FLOW[e.sides.join('>')] : undefined;
      const [dx, dy] = vector(e);
      const [k, v] = bySides ?? (Math.abs(dx) > Math.abs(dy) ? [0, Math.sign(dx)] : [1, Math.sign(dy)]);
      votes[k] += v;
      count[k]++;
    }
    const axis = count[0]! > count[1]! ? 0 : 1;
    return { axis, sign: votes[axis]! < 0 ? -1 : 1 };
  }
  let axis: 0 | 1;
  if (edges.length) {
    const [ax, ay] = edges.map(vector).reduce(([x, y], [a, b]) => [x + Math.abs(a), y + Math.abs(b)], [0, 0]);
    axis = ax > ay ? 0 : 1;
  } else {
    const spread = (k: 0 | 1) => {
      const v = [...nodes.values()].map((n) => centre(n.box)[k]);
      return v.length ? Math.max(...v) - Math.min(...v) : 0;
    };
    axis = spread(0) > spread(1) ? 0 : 1;
  }
  let votes = 0;
  for (const [id, rec] of recs) {
    const neighbours = edges.flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : []));
    if (neighbours.length === 0) continue;
    const offset = neighbours.reduce((sum, n) => sum + centre(nodes.get(n)!.box)[axis], 0) / neighbours.length - centre(nodes.get(id)!.box)[axis];
    if (rec.type === 'Input') votes += Math.sign(offset);
    else if ((getSpec(rec.type)?.arity.min ?? 1) >= 2 && neighbours.length >= 2) votes -= Math.sign(offset);
  }
  return { axis, sign: votes < 0 ? -1 : 1 };
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

/** Kahn's order; ties go to the node earliest along the flow (`before`). Cycles are broken at the earliest node. */
function topologicalOrder(adj: Adjacency, before: (a: string, b: string) => number, warnings: string[]): string[] {
  const indegree = new Map([...adj.pred].map(([id, p]) => [id, p.size]));
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < indegree.size) {
    const ready = [...indegree].filter(([id, d]) => d === 0 && !done.has(id)).map(([id]) => id);
    ready.sort(before);
    // Depth first: follow the branch just emitted to its end before starting the next (as model files list layers).
    let next: string | undefined;
    for (let k = order.length - 1; k >= 0 && !next; k--) next = ready.find((id) => adj.pred.get(id)!.has(order[k]!));
    next ??= ready[0];
    if (!next) {
      next = [...indegree.keys()].filter((id) => !done.has(id)).sort(before)[0]!;
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
    // A stray mark beside the number is the arrow head or the line its first or last digit touches ("1000,", "\\165").
    const n = e.label?.match(/^\s*[,.'`|\\]?\s*(\d{1,5})\s*[,.'`|\\]?\s*$/)?.[1];
    if (!rec || !n) continue;
    if ((rec.type === 'Conv2D' || rec.type === 'Conv2DTranspose') && rec.params.filters === undefined) rec.params.filters = Number(n);
    if (rec.type === 'Dense' && rec.params.units === undefined) rec.params.units = Number(n);
  }
}

/**
 * The analysis of a graph as the fixes below leave it, worked out again only after one of them changes the graph:
 * most find nothing to fix, and a figure's graph is worked out once instead of once per fix and pooling layer.
 */
class Analysed {
  private current: Analysis | undefined;

  constructor(readonly graph: Graph) {}

  get(): Analysis {
    return (this.current ??= analyseGraph(this.graph));
  }

  /** The graph changed; `back`: it changed back to what that analysis of it describes. */
  changed(back?: Analysis): void {
    this.current = back;
  }
}

/** Caffe's InnerProduct flattens by itself; a graph needs the Flatten written out. */
function insertFlattens(analysed: Analysed, used: Set<string>): void {
  const { graph } = analysed;
  for (let pass = 0; pass < 4; pass++) {
    const { shapes } = analysed.get();
    const at = graph.layers.findIndex((l) => l.type === 'Dense' && l.inputs?.length === 1 && (shapes.get(l.inputs[0]!)?.length ?? 0) === 3);
    if (at < 0) return;
    const dense = graph.layers[at]!;
    const flatten: Layer = { id: uniqueId(`${dense.id}_flatten`, used), type: 'Flatten', inputs: dense.inputs, inferred: ['*'] };
    dense.inputs = [flatten.id];
    graph.layers.splice(at, 0, flatten);
    analysed.changed();
  }
}

/**
 * Pooling that the figure's shape labels show rounding up (27 where flooring gives 26): Caffe and MXNet
 * round pooling outputs up, so ceil_mode is set (inferred) where that makes the drawn shape come out.
 */
function roundPoolingLikeLabels(analysed: Analysed, stated: Map<string, number[]>): void {
  for (const layer of analysed.graph.layers) {
    const want = stated.get(layer.id);
    if (!want || (layer.type !== 'MaxPool2D' && layer.type !== 'AvgPool2D') || layer.params?.ceil_mode !== undefined) continue;
    const before = analysed.get();
    const got = before.shapes.get(layer.id);
    if (!got || got.length !== 3 || got[0] === want[0]) continue;
    layer.params = { ...layer.params, ceil_mode: true };
    analysed.changed();
    if (analysed.get().shapes.get(layer.id)?.[0] === want[0]) layer.inferred = [...(layer.inferred ?? []), 'ceil_mode'];
    else {
      delete layer.params.ceil_mode;
      analysed.changed(before);
    }
  }
}

/**
 * Branches that must meet in a Concat/Add but differ in size: a figure that says "3x3" rarely says the
 * padding, and "same" is what makes the branches meet. Set it (inferred) on the convolution feeding the merge.
 */
function padMergedBranches(analysed: Analysed): void {
  const byId = new Map(analysed.graph.layers.map((l) => [l.id, l]));
  for (let pass = 0; pass < 8; pass++) {
    const bad = analysed.get().issues.find((i) => i.layerId && i.code === 'merge-mismatch');
    if (!bad) return;
    let fixed = false;
    for (const start of byId.get(bad.layerId!)!.inputs ?? []) {
      // The nearest convolution up the branch whose padding the figure left open.
      const unpadded = (layer: Layer) =>
        (layer.type === 'Conv2D' || layer.type === 'DepthwiseConv2D') &&
        layer.params?.padding === undefined &&
        JSON.stringify(layer.params?.kernel) !== '[1,1]';
      // A pooling drawn in a branch without its window keeps the size, as the other branches do (Inception's 3×3/1).
      const openPooling = (layer: Layer) => windowKind(layer.type) === 'pooling' && layer.params?.pool === undefined && layer.params?.stride === undefined;
      let layer = byId.get(start);
      while (layer && !unpadded(layer) && !openPooling(layer) && layer.inputs?.length === 1) layer = byId.get(layer.inputs[0]!);
      if (layer && unpadded(layer)) {
        layer.params = { ...layer.params, padding: 'same' };
        layer.inferred = [...(layer.inferred ?? []), 'padding'];
        fixed = true;
      } else if (layer && openPooling(layer)) {
        layer.params = { ...layer.params, pool: [3, 3], stride: [1, 1], padding: 'same' };
        layer.inferred = [...new Set([...(layer.inferred ?? []), 'pool', 'stride', 'padding'])];
        fixed = true;
      }
    }
    if (!fixed) return;
    analysed.changed();
  }
}

/**
 * A sum whose shortcut is the figure's own undrawn input: the input, sized by guess, takes the channel count
 * of the branch it is added to (a residual block keeps its width), marked inferred.
 */
function sizeShortcutInputs(analysed: Analysed): void {
  const byId = new Map(analysed.graph.layers.map((l) => [l.id, l]));
  for (let pass = 0; pass < 4; pass++) {
    const { issues, shapes } = analysed.get();
    const bad = issues.find((i) => i.layerId && i.code === 'merge-mismatch');
    const operands = bad ? (byId.get(bad.layerId!)!.inputs ?? []).map((id) => byId.get(id)!) : [];
    const input = operands.find((l) => l.type === 'Input' && l.inferred?.some((p) => p === 'shape' || p === '*'));
    const other = operands.map((l) => shapes.get(l.id)).find((shape, k) => operands[k] !== input && shape?.length === 3);
    const shape = input?.params?.shape;
    if (!input || !other || !Array.isArray(shape) || shape.length !== 3) return;
    input.params = { ...input.params, shape: [...shape.slice(0, 2), other[2]!] };
    analysed.changed();
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

/**
 * Layers written on a connector ("relu", "BN ReLU", "pool/2" beside an arrow) are layers between the two
 * boxes it joins: each becomes a node of its own, in the order written. Numbers on a connector are sizes
 * (applyEdgeLabels), never layers.
 */
function withConnectorLayers(
  edges: DiagramEdge[],
  nodes: DiagramNode[],
  byId: Map<string, DiagramNode>,
  recs: Map<string, Recognition>,
  warnings: string[],
  /** Shortcuts: the first piece of a split one stays a shortcut (added to the set). */
  branchStarts: Set<DiagramEdge>,
) {
  const out: DiagramEdge[] = [];
  for (const e of edges) {
    const label = e.label?.trim() ?? '';
    const words = label.split(/[\s,+]+/).filter(Boolean);
    const each = words.map((w) => recognizeLabel(w));
    const layers = each.length > 1 && each.every((r) => r && r.score === 1 && r.type !== 'Input') ? each : [recognizeLabel(label)];
    if (!/[a-z]/i.test(label) || !layers.every((r): r is Recognition => !!r && r.type !== 'Input')) {
      out.push(e);
      continue;
    }
    const [a, b] = [byId.get(e.from)!.box, byId.get(e.to)!.box];
    const box: Box = e.labelBox ?? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2, (a[3] + b[3]) / 2];
    let from = e.from;
    layers.forEach((rec, k) => {
      const node: DiagramNode = { id: `${e.from}_${e.to}_${k + 1}`, box, text: layers.length > 1 ? words[k]! : label, shape: 'label' };
      nodes.push(node);
      byId.set(node.id, node);
      recs.set(node.id, rec);
      const piece: DiagramEdge = { from, to: node.id, directed: e.directed };
      if (k === 0 && branchStarts.delete(e)) branchStarts.add(piece);
      out.push(piece);
      from = node.id;
    });
    out.push({ from, to: e.to, directed: e.directed });
    warnings.push(`"${label}" written on the connector from ${e.from} to ${e.to}: read as ${layers.map((r) => r.type).join(', ')} between them`);
  }
  return out;
}

/**
 * draw_net draws an in-place layer (a ReLU or Dropout writing into its input's blob) as a loop: an arrow from the
 * blob and one back, close together, so that the two often read as one connector, or as two without heads that
 * both follow the layout's direction. A layer whose connectors all join it to one blob is such a loop (every other
 * layer has a top blob of its own; an Input has no bottom): it is given both ways.
 */
function closeInPlaceLoops(edges: DiagramEdge[], byId: Map<string, DiagramNode>, recs: Map<string, Recognition>): DiagramEdge[] {
  const added: DiagramEdge[] = [];
  for (const [id, rec] of recs) {
    // (a layer with weights or a window never runs in place: a last layer whose top blob is not drawn is no loop)
    const traits = traitsOf(rec.type);
    if (rec.type === 'Input' || traits.weightLayer || traits.window || byId.get(id)!.shape !== 'rect') continue;
    const others = new Set(edges.flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : [])));
    const [blob] = others;
    if (others.size !== 1 || byId.get(blob!)?.shape !== 'blob') continue;
    if (!edges.some((e) => e.from === blob && e.to === id)) added.push({ from: blob!, to: id, directed: true });
    if (!edges.some((e) => e.from === id && e.to === blob)) added.push({ from: id, to: blob!, directed: true });
  }
  return [...edges, ...added];
}

const UPSTREAM: Record<string, Side> = { '1,1': 'top', '1,-1': 'bottom', '0,1': 'left', '0,-1': 'right' };
const DOWNSTREAM: Record<string, Side> = { '1,1': 'bottom', '1,-1': 'top', '0,1': 'right', '0,-1': 'left' };

/**
 * A connector that leaves a box on the side its input comes in (a shortcut drawn from the line into a block,
 * round to the sum after it) carries that box's input, not its output.
 */
function branchesOffInput(e: DiagramEdge, position: (id: string) => number, axis: 0 | 1, sign: number): boolean {
  if (!e.sides) return false;
  const upFirst = position(e.from) <= position(e.to);
  const [upSide, downSide] = upFirst ? e.sides : [e.sides[1], e.sides[0]];
  return upSide === UPSTREAM[`${axis},${sign}`] && downSide !== DOWNSTREAM[`${axis},${sign}`];
}

/**
 * The shortcut `e` joins the producers of its `from` box to its `to` node; an undrawn input is made for both. A
 * drawn Input has no producer: what leaves it on any side is its own data, so it feeds the shortcut itself.
 */
function shareInput(e: DiagramEdge, adj: Adjacency, nodes: DiagramNode[], byId: Map<string, DiagramNode>, recs: Map<string, Recognition>): void {
  const [up, down] = [e.from, e.to];
  let producers = [...adj.pred.get(up)!];
  if (producers.length === 0 && recs.get(up)?.type === 'Input') producers = [up];
  else if (producers.length === 0) {
    const box = byId.get(up)!.box;
    const node: DiagramNode = { id: `${up}_input`, box, text: '', shape: 'label' };
    nodes.push(node);
    byId.set(node.id, node);
    recs.set(node.id, { type: 'Input', params: {}, inferred: [], score: 1 });
    adj.succ.set(node.id, new Set());
    adj.pred.set(node.id, new Set());
    adj.add(node.id, up);
    producers = [node.id];
  }
  for (const p of producers) adj.add(p, down);
}

/** A label that states sizes only ("195x200", "3@28x28", "4096"): no word naming a layer. */
const SIZES_ONLY = /^[\d\s×xX*@,.:/()[\]-]+$/;

/**
 * Free labels: a size written on its own beside a drawing (under a cuboid whose name is written over it, or
 * under a block with no name) is an annotation of that block, not a layer. Only the first along the flow
 * stands for one, the input, whose size is often all that is written.
 */
function dropLoneSizes(byId: Map<string, DiagramNode>, recs: Map<string, Recognition>, position: (id: string) => number, warnings: string[]): void {
  const order = [...recs.keys()].sort((a, b) => position(a) - position(b));
  const lone = order.slice(1).filter((id) => recs.get(id)!.type === 'Input' && SIZES_ONLY.test(byId.get(id)!.text.trim()));
  for (const id of lone) recs.delete(id);
  if (lone.length)
    warnings.push(
      `${lone.length} size label(s) with no layer name beside them read as no layer: ${lone.map((id) => `"${byId.get(id)!.text.replace(/\s+/g, ' ')}"`).join(', ')}`,
    );
}

export function buildGraph(nodes: DiagramNode[], edges: DiagramEdge[], ctx: BuildContext): { graph: Graph; warnings: string[] } {
  const warnings: string[] = [];
  nodes = [...nodes];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const caffeStyle = nodes.filter((n) => hasParenthesisedType(n.text)).length >= 2;
  const recs = new Map<string, Recognition>();
  for (const node of nodes) {
    // In a draw_net figure blobs (octagons) hold data, not layers. OCR may lose a layer's "(Type)"
    // brackets, so there the drawn shape decides; elsewhere an ellipse may well name a layer.
    if (node.shape === 'blob' && caffeStyle) continue;
    // A draw_net layer box names one of few Caffe types, so a badly misread one can still be told.
    const rec = recognizeLabel((caffeStyle && node.shape === 'rect' && withDrawNetType(node.text)) || node.text);
    if (rec) recs.set(node.id, rec);
    else if (node.shape !== 'label' && node.text.trim())
      warnings.push(`node ${node.id} ("${node.text.replace(/\s+/g, ' ').slice(0, 40)}") is not a known layer; bridged over`);
  }
  // Free labels only: tensor labels may be typed by the operation labels written between them.
  const freeLabelsOnly = edges.length === 0 && nodes.every((n) => n.shape === 'label');
  if (freeLabelsOnly) pairOperations(nodes, recs);
  applyEdgeLabels(edges, recs);
  const directed = edges.filter((e) => e.directed);
  const { axis, sign } = flowAxis(byId, edges, recs);
  const position = (id: string) => sign * centre(byId.get(id)!.box)[axis] + 1e-3 * centre(byId.get(id)!.box)[1 - axis];
  if (freeLabelsOnly) dropLoneSizes(byId, recs, position, warnings);
  // A connector without an arrow head beside a headed one between the same boxes is its way back (an
  // in-place layer on a blob); any other follows the layout's direction.
  const headedPairs = new Set(directed.map((e) => `${e.from}>${e.to}`));
  edges = edges.map((e) => {
    if (e.directed) return e;
    const flip = headedPairs.has(`${e.from}>${e.to}`) || (!headedPairs.has(`${e.to}>${e.from}`) && position(e.from) > position(e.to));
    return flip ? { ...e, from: e.to, to: e.from, ...(e.sides ? { sides: [e.sides[1], e.sides[0]] } : {}) } : e;
  });
  // Shortcuts are found before connector layers split their connectors: a layer on a shortcut stays on it.
  const branchStarts = new Set<DiagramEdge>();
  edges = edges.map((e) => {
    if (!branchesOffInput(e, position, axis, sign)) return e;
    const shortcut = position(e.from) > position(e.to) ? { ...e, from: e.to, to: e.from } : e;
    branchStarts.add(shortcut);
    return shortcut;
  });
  edges = withConnectorLayers(edges, nodes, byId, recs, warnings, branchStarts);
  if (caffeStyle) edges = closeInPlaceLoops(edges, byId, recs);

  const adj = new Adjacency(nodes.map((n) => n.id));
  for (const e of edges) if (!branchStarts.has(e) && byId.has(e.from) && byId.has(e.to)) adj.add(e.from, e.to);
  for (const e of branchStarts) shareInput(e, adj, nodes, byId, recs);
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
  // Boxes on one rank (centres within a quarter of a box along the flow: detection moves an edge by a pixel or two)
  // go in the layout's cross order, left to right or top to bottom, which is the order the tools were given them.
  const along = (id: string) => sign * centre(byId.get(id)!.box)[axis];
  const across = (id: string) => centre(byId.get(id)!.box)[1 - axis];
  const depth = (id: string) => byId.get(id)!.box[axis + 2]! - byId.get(id)!.box[axis]!;
  const rankOrder = (a: string, b: string) =>
    Math.abs(along(a) - along(b)) <= 0.25 * Math.min(depth(a), depth(b)) ? across(a) - across(b) : along(a) - along(b);
  const order = topologicalOrder(adj, rankOrder, warnings);
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
    // A module drawn alone starts from the merge that ended the module before it: that merge is its input.
    if (preds.length === 0 && spec.arity.min >= 2) {
      warnings.push(`${rec.type} node ${nodeId} has nothing drawn before it: read as the input of the module drawn`);
      Object.assign(rec, { type: 'Input', params: {} });
    }
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
  const analysed = new Analysed(graph);
  insertFlattens(analysed, used);
  const stated = new Map([...ids].flatMap(([nodeId, layerId]) => (recs.get(nodeId)?.outShape ? [[layerId, recs.get(nodeId)!.outShape!] as const] : [])));
  // Branch sizes first (shapes downstream of a merge exist only once it agrees), then pooling rounding.
  padMergedBranches(analysed);
  sizeShortcutInputs(analysed);
  roundPoolingLikeLabels(analysed, stated);
  const issues = analysed.get().issues;
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
