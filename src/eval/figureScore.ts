/**
 * One figure read back against the graph it was drawn from (DLPaper2Code's flow-extraction accuracies, per figure).
 *
 * Both graphs are first put in one canonical form: an Activation layer that is the only consumer of a layer without
 * an activation of its own is folded into that layer's `activation` param (Caffe draws ReLU and Softmax as layers of
 * their own, Keras folds them; the network is the same). Then, with T the truth's layers and R the read layers, each
 * in graph (topological) order:
 *
 * - **layers** = |M| / max(|T|, |R|), where M is a longest common subsequence of the two layer-type sequences (the
 *   layers matched in order by type). 1 only when every layer is read, in order, and nothing else.
 * - **edges** = |E_R→T ∩ E_T| / max(|E_T|, |E_R|): E_T the truth's edges (input → layer), E_R the read edges, E_R→T
 *   those whose two ends are both matched, renamed through M. 1 only when the wiring is exactly the truth's.
 * - **params** = of the params of matched truth layers that the figure *shows*, the share the read layer has equal
 *   (catalog defaults filled in on both sides). A param is shown when its value is written in the text drawn for that
 *   layer (its nodes' labels and the labels of connectors leaving them): a number as a number of its own in the text
 *   (not the digits of a name such as conv2d_1), a list when all its numbers are, a string (an activation) as a word. Params no drawing writes (Keras plots give no
 *   kernel sizes) are not held against the reader. `null` when the matched layers show no param.
 *
 * A coincidence counts as shown: a kernel of 3 beside a Keras shape row holding a 3.
 */
import { resolveParams, type Graph, type Layer, type ParamValue, type Params } from '../graph/index.ts';

/** The truth of a drawn figure as the scorer needs it (a subset of the synthetic figures' FigureTruth). */
export interface DrawnTruth {
  graph: Graph;
  /** Drawn nodes, each naming the graph layer it shows (or belongs to) and its text. */
  nodes: ReadonlyArray<{ id: string; layerId?: string; label: string }>;
  /** Drawn connectors between nodes and their text. */
  edges: ReadonlyArray<{ from: string; label?: string }>;
}

export interface FigureScore {
  layers: number;
  edges: number;
  params: number | null;
  truthLayers: number;
  readLayers: number;
  matchedLayers: number;
  truthEdges: number;
  readEdges: number;
  matchedEdges: number;
  paramsShown: number;
  paramsRight: number;
}

const isActivation = (layer: Layer): boolean => layer.type === 'Activation';

function activationOf(layer: Layer): unknown {
  try {
    return resolveParams(layer).activation;
  } catch {
    return layer.params?.activation;
  }
}

function fnOf(layer: Layer): unknown {
  try {
    return resolveParams(layer).fn;
  } catch {
    return layer.params?.fn;
  }
}

/** The graph's layers with foldable Activation layers folded into their producer (see the module comment). */
export function canonicalLayers(graph: Graph): Layer[] {
  const layers = graph.layers.map((l) => ({ ...l, ...(l.inputs ? { inputs: [...l.inputs] } : {}), ...(l.params ? { params: { ...l.params } } : {}) }));
  const byId = new Map(layers.map((l) => [l.id, l]));
  const consumers = new Map<string, number>();
  for (const layer of layers) for (const input of layer.inputs ?? []) consumers.set(input, (consumers.get(input) ?? 0) + 1);
  const renamed = new Map<string, string>();
  const kept: Layer[] = [];
  for (const layer of layers) {
    layer.inputs = layer.inputs?.map((id) => renamed.get(id) ?? id);
    const producer = isActivation(layer) && layer.inputs?.length === 1 ? byId.get(layer.inputs[0]!) : undefined;
    const free =
      producer && !isActivation(producer) && consumers.get(producer.id) === 1 && [undefined, 'linear'].includes(activationOf(producer) as string | undefined);
    const fn = fnOf(layer);
    if (producer && free && typeof fn === 'string') {
      producer.params = { ...producer.params, activation: fn };
      renamed.set(layer.id, producer.id);
      continue;
    }
    kept.push(layer);
  }
  return kept;
}

/** Pairs [i, j] of a longest common subsequence of `a` and `b`, in order. */
export function lcsPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  // Suffix table: table[i][j] = LCS length of a[i..] and b[j..]; one flat array, (n+1)(m+1) entries.
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[at(i, j)] = a[i] === b[j] ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i++;
    else j++;
  }
  return pairs;
}

/** Edges as "from>to" index pairs. */
function edgeSet(layers: readonly Layer[]): Set<string> {
  const index = new Map(layers.map((l, i) => [l.id, i]));
  const edges = new Set<string>();
  layers.forEach((layer, to) => {
    for (const input of layer.inputs ?? []) {
      const from = index.get(input);
      if (from !== undefined) edges.add(`${from}>${to}`);
    }
  });
  return edges;
}

/** A number standing on its own: not part of a name (conv2d_1, relu3, fc7); "3×3", "28x28" and "/2" are numbers. */
const NUMBER = /(?<![A-Za-z_\d.])\d+(?:\.\d+)?(?![A-Za-z_\d])/g;

/** The numbers written in `text` (see NUMBER). */
export function writtenNumbers(text: string): Set<number> {
  const spaced = text.replace(/(\d)[x×](?=\d)/g, '$1 ');
  return new Set(Array.from(spaced.matchAll(NUMBER), (m) => Number(m[0])));
}

/** Whether `value` is written in `text` (see the module comment). */
export function isShown(value: ParamValue | undefined, text: string, numbers: ReadonlySet<number>): boolean {
  if (typeof value === 'number') return numbers.has(value);
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => typeof v === 'number' && numbers.has(v));
  if (typeof value === 'string')
    return new RegExp(`(^|[^a-z0-9_])${value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9_])`).test(text.toLowerCase());
  return false;
}

function resolved(layer: Layer): Params {
  try {
    return resolveParams(layer);
  } catch {
    return layer.params ?? {};
  }
}

const axes = (value: unknown, n = 2): number[] | undefined =>
  typeof value === 'number'
    ? new Array<number>(n).fill(value)
    : Array.isArray(value) && value.every((v) => typeof v === 'number')
      ? (value as number[])
      : undefined;

/** Padding as pixels per axis: 'valid' is none, 'same' at stride 1 is (k − 1) / 2 each side. */
function padPixels(params: Params): number[] | undefined {
  const padding = params.padding;
  const kernel = axes(params.kernel ?? params.pool);
  const stride = axes(params.stride ?? 1);
  if (padding === 'valid') return [0, 0];
  if (padding === 'same' && kernel && stride?.every((s) => s === 1) && kernel.every((k) => k % 2 === 1)) return kernel.map((k) => (k - 1) / 2);
  return axes(padding);
}

/** Equal as a network means it: 3 and [3, 3] alike, strings without case, padding as pixels. */
export function sameParam(key: string, truth: Params, read: Params): boolean {
  const a = truth[key];
  const b = read[key];
  if (key === 'padding') {
    const pa = padPixels(truth);
    const pb = padPixels(read);
    if (pa && pb) return pa.length === pb.length && pa.every((v, i) => v === pb[i]);
  }
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  const va = axes(a, Array.isArray(b) ? b.length : 1);
  const vb = axes(b, Array.isArray(a) ? a.length : 1);
  if (va && vb) return va.length === vb.length && va.every((v, i) => Math.abs(v - vb[i]!) < 1e-9);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The text drawn for each truth layer: its nodes' labels and the labels of connectors leaving them. */
function textByLayer(truth: DrawnTruth): Map<string, string> {
  const layerOfNode = new Map<string, string>();
  const text = new Map<string, string[]>();
  const add = (layerId: string, piece: string | undefined) => {
    if (!piece) return;
    const list = text.get(layerId) ?? [];
    list.push(piece);
    text.set(layerId, list);
  };
  for (const node of truth.nodes) {
    if (!node.layerId) continue;
    layerOfNode.set(node.id, node.layerId);
    add(node.layerId, node.label);
  }
  for (const edge of truth.edges) {
    const layerId = layerOfNode.get(edge.from);
    if (layerId) add(layerId, edge.label);
  }
  return new Map([...text].map(([id, pieces]) => [id, pieces.join('\n')]));
}

const ratio = (part: number, whole: number): number => (whole ? part / whole : 1);

export function scoreFigure(truth: DrawnTruth, read: Graph): FigureScore {
  const t = canonicalLayers(truth.graph);
  const r = canonicalLayers(read);
  const pairs = lcsPairs(
    t.map((l) => l.type),
    r.map((l) => l.type),
  );
  const readToTruth = new Map(pairs.map(([i, j]) => [j, i]));
  const truthEdges = edgeSet(t);
  const readEdges = edgeSet(r);
  let matchedEdges = 0;
  for (const edge of readEdges) {
    const [from, to] = edge.split('>').map(Number) as [number, number];
    const a = readToTruth.get(from);
    const b = readToTruth.get(to);
    if (a !== undefined && b !== undefined && truthEdges.has(`${a}>${b}`)) matchedEdges++;
  }
  const texts = textByLayer(truth);
  let paramsShown = 0;
  let paramsRight = 0;
  for (const [i, j] of pairs) {
    const layer = t[i]!;
    // The drawing's text belongs to the truth layer before folding: the folded ids are the producers' own.
    const text = texts.get(layer.id) ?? '';
    const numbers = writtenNumbers(text);
    const truthParams = resolved(layer);
    const readParams = resolved(r[j]!);
    for (const [key, value] of Object.entries(layer.params ?? {})) {
      if (!isShown(value, text, numbers)) continue;
      paramsShown++;
      if (sameParam(key, truthParams, readParams)) paramsRight++;
    }
  }
  return {
    layers: pairs.length / Math.max(t.length, r.length, 1),
    edges: truthEdges.size || readEdges.size ? matchedEdges / Math.max(truthEdges.size, readEdges.size) : 1,
    params: paramsShown ? ratio(paramsRight, paramsShown) : null,
    truthLayers: t.length,
    readLayers: r.length,
    matchedLayers: pairs.length,
    truthEdges: truthEdges.size,
    readEdges: readEdges.size,
    matchedEdges,
    paramsShown,
    paramsRight,
  };
}
