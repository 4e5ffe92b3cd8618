/**
 * Fusion: a table and the text describing the same network become one design. Layers are matched in order
 * by kind (convolutions with convolutions, dense with dense); a param the table left to inference but the
 * text states is taken from the text; where both state a value and disagree, the table wins and a warning
 * says so. The fused design lists the text in `source.also`.
 */
import { imageWindow, isImageWeightLayer, type Graph, type Layer } from '../graph/index.ts';

const stated = (l: Layer) => isImageWeightLayer(l.type) && !l.inferred?.includes('*');

/** Stated weight layers as "Conv2D:64" / "Dense:4096" — what must agree for two readings to be one network. */
function signature(graph: Graph): string[] {
  return graph.layers.filter(stated).map((l) => `${l.type}:${l.params?.filters ?? l.params?.units ?? '?'}`);
}

/** True when the text's stated layers appear, in order, in the table's (at least two, and most of them). */
export function describesSame(table: Graph, text: Graph): boolean {
  const t = signature(table);
  const p = signature(text);
  if (p.length < 2) return false;
  let j = 0;
  for (const s of t) if (j < p.length && s === p[j]) j++;
  return j === p.length && p.length >= 0.5 * t.length;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function fuse(table: Graph, text: Graph): Graph {
  const fused: Graph = structuredClone(table);
  const warnings = [...(fused.warnings ?? [])];
  const tableLayers = fused.layers.filter(stated);
  const textLayers = text.layers.filter(stated);
  let j = 0;
  for (const layer of tableLayers) {
    const other = textLayers[j];
    if (!other || other.type !== layer.type || (other.params?.filters ?? other.params?.units) !== (layer.params?.filters ?? layer.params?.units)) continue;
    j++;
    const inferred = new Set(layer.inferred ?? []);
    for (const [name, value] of Object.entries(other.params ?? {})) {
      if (other.inferred?.includes(name)) continue;
      const mine = layer.params?.[name];
      if (mine === undefined || inferred.has(name)) {
        layer.params = { ...layer.params, [name]: value };
        inferred.delete(name);
      } else if (!same(mine, value)) {
        warnings.push(`${layer.id}.${name}: the table says ${JSON.stringify(mine)}, the text ${JSON.stringify(value)}; kept the table's`);
      }
    }
    if (inferred.size) layer.inferred = [...inferred];
    else delete layer.inferred;
  }
  if (text.source) {
    const { page, kind, caption, bbox } = text.source;
    fused.source = { ...(fused.source ?? { kind: 'table' }), also: [...(fused.source?.also ?? []), { page, kind, caption, bbox }] };
  }
  if (warnings.length) fused.warnings = warnings;
  fused.confidence = Math.min(1, Math.max(table.confidence ?? 0, text.confidence ?? 0) + 0.1);
  return fused;
}

const isImageConv = (type: string) => imageWindow(type) === 'convolution';

export interface StatedConvention {
  /** What to change, and the sentence that states it. */
  pool?: { pool: [number, number]; stride?: [number, number] };
  samePadding?: boolean;
  batchNormAfterConv?: boolean;
  /** The activation the text states for hidden layers ("All hidden layers are equipped with ReLU"). */
  hiddenActivation?: string;
  sources: Array<{ page: number; text: string; bbox: [number, number, number, number] }>;
}

/**
 * Applies conventions the paper states in its text to a design read from a table: params the table left
 * to inference become stated; "batch normalization after each convolution" inserts BatchNorm between each
 * convolution and its activation. The sentences join `source.also`.
 */
export function applyConventions(graph: Graph, stated: StatedConvention): Graph {
  let used = false;
  const layers: Layer[] = [];
  const renamed = new Map<string, string>();
  const ids = new Set(graph.layers.map((l) => l.id));
  const fresh = (base: string) => {
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base}${i}`;
    ids.add(id);
    return id;
  };
  const drop = (layer: Layer, param: string) => {
    if (!layer.inferred?.includes(param)) return;
    layer.inferred = layer.inferred.filter((p) => p !== param);
    if (layer.inferred.length === 0) delete layer.inferred;
    used = true;
  };
  const consumed = new Set(graph.layers.flatMap((l) => l.inputs ?? []));
  for (const original of graph.layers) {
    const layer: Layer = {
      ...original,
      params: { ...original.params },
      ...(original.inputs ? { inputs: original.inputs.map((i) => renamed.get(i) ?? i) } : {}),
    };
    const hidden = consumed.has(original.id);
    if (stated.hiddenActivation && hidden && (isImageConv(layer.type) || layer.type === 'Dense') && layer.inferred?.includes('activation')) {
      layer.params = { ...layer.params, activation: stated.hiddenActivation };
      drop(layer, 'activation');
    }
    if (stated.pool && layer.type === 'MaxPool2D' && layer.inferred?.includes('pool')) {
      layer.params = { ...layer.params, pool: stated.pool.pool, ...(stated.pool.stride ? { stride: stated.pool.stride } : {}) };
      drop(layer, 'pool');
    }
    if (stated.samePadding && isImageConv(layer.type) && layer.params?.padding === 'same') drop(layer, 'padding');
    layers.push(layer);
    if (stated.batchNormAfterConv && isImageConv(layer.type)) {
      const activation = String(layer.params?.activation ?? 'linear');
      const activationInferred = layer.inferred?.includes('activation');
      layer.params = { ...layer.params, activation: 'linear' };
      drop(layer, 'activation');
      used = true;
      const bn = fresh(`${layer.id}_bn`);
      layers.push({ id: bn, type: 'BatchNorm', inputs: [layer.id] });
      let last = bn;
      if (activation !== 'linear') {
        last = fresh(`${layer.id}_act`);
        layers.push({ id: last, type: 'Activation', inputs: [bn], params: { fn: activation }, ...(activationInferred ? { inferred: ['fn'] } : {}) });
      }
      renamed.set(layer.id, last);
    }
  }
  if (!used) return graph;
  const also = stated.sources.map((s) => ({ page: s.page, kind: 'text' as const, caption: s.text.slice(0, 300), bbox: s.bbox }));
  return { ...graph, layers, source: { ...(graph.source ?? { kind: 'table' }), also: [...(graph.source?.also ?? []), ...also] } };
}
