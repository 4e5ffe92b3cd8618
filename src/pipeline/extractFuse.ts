/**
 * Fusion: a table and the text describing the same network become one design. Layers are matched in order
 * by kind (convolutions with convolutions, dense with dense); a param the table left to inference but the
 * text states is taken from the text; where both state a value and disagree, the table wins and a warning
 * says so. The fused design lists the text in `source.also`.
 */
import type { Graph, Layer } from '../graph/index.ts';

const WEIGHTED = new Set(['Conv2D', 'DepthwiseConv2D', 'Conv2DTranspose', 'Dense']);
const stated = (l: Layer) => WEIGHTED.has(l.type) && !l.inferred?.includes('*');

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
