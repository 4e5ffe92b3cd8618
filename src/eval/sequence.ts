/**
 * How close a design read from a paper or figure is to the real network: both graphs as sequences of
 * structural layers, matched in order (longest common subsequence). Precision = matched / read, recall =
 * matched / true. Two levels: `types` compares layer types only; `params` also the sizes a paper states
 * (filters, kernel, stride, units, pool window), so a VGG table read with one wrong width scores below 1.
 */
import { resolveParams, type Graph, type Layer } from '../graph/index.ts';

export type Detail = 'types' | 'params';

export interface SequenceScore {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  read: number;
  truth: number;
}

/**
 * Layers implementations add or fold differently (a separate ReLU or a fused activation, BatchNorm, Dropout at
 * test time, a Flatten before the first FC layer, explicit padding): left out on both sides.
 */
const NOT_STRUCTURAL = new Set(['Input', 'Activation', 'BatchNorm', 'LayerNorm', 'Dropout', 'Flatten', 'Reshape', 'Permute', 'ZeroPadding2D', 'Cropping2D']);

const pair = (value: unknown): string => (Array.isArray(value) ? value.join('x') : String(value));

/** One layer as a comparable token: its type, and at `params` detail the sizes that define it. */
export function layerToken(layer: Layer, detail: Detail): string {
  if (detail === 'types') return layer.type;
  let p: Record<string, unknown>;
  try {
    p = resolveParams(layer);
  } catch {
    return `${layer.type}(?)`;
  }
  switch (layer.type) {
    case 'Conv1D':
    case 'Conv2D':
    case 'Conv2DTranspose':
      return `${layer.type}(${p.filters}, ${pair(p.kernel)}, /${pair(p.stride)})`;
    case 'DepthwiseConv2D':
      return `${layer.type}(${pair(p.kernel)}, /${pair(p.stride)})`;
    case 'MaxPool2D':
    case 'AvgPool2D':
    case 'MaxPool1D':
    case 'AvgPool1D':
      return `${layer.type}(${pair(p.pool)}, /${pair(p.stride ?? p.pool)})`;
    case 'Dense':
      return `Dense(${p.units})`;
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU':
      return `${layer.type}(${p.units})`;
    case 'Embedding':
      return `Embedding(${p.dim})`;
    default:
      return layer.type;
  }
}

export function structuralTokens(graph: Graph, detail: Detail): string[] {
  return graph.layers.filter((layer) => !NOT_STRUCTURAL.has(layer.type)).map((layer) => layerToken(layer, detail));
}

/** Length of the longest common subsequence (O(n·m) time, O(m) memory). */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) current[j] = x === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[b.length]!;
}

export function sequenceScore(read: Graph, truth: Graph, detail: Detail): SequenceScore {
  const a = structuralTokens(read, detail);
  const b = structuralTokens(truth, detail);
  const matched = lcsLength(a, b);
  const precision = a.length ? matched / a.length : 0;
  const recall = b.length ? matched / b.length : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, matched, read: a.length, truth: b.length };
}

export interface BestMatch {
  design: Graph;
  types: SequenceScore;
  params: SequenceScore;
}

/** The design that matches the reference best (by params F1, then types F1): the one a reader would pick. */
export function bestMatch(designs: readonly Graph[], reference: Graph): BestMatch | undefined {
  let best: BestMatch | undefined;
  for (const design of designs) {
    const candidate = { design, types: sequenceScore(design, reference, 'types'), params: sequenceScore(design, reference, 'params') };
    if (!best || candidate.params.f1 > best.params.f1 || (candidate.params.f1 === best.params.f1 && candidate.types.f1 > best.types.f1)) best = candidate;
  }
  return best;
}
