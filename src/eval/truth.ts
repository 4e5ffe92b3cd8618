/**
 * One design against one hand-written truth design of the corpus's truth.json, scored exactly as
 * ../shared/tools/score_truth.py scores it (this is a port; tests/eval/truth-score.test.ts runs both on the same
 * inputs). A design becomes a sequence of structural tokens: a class letter — C convolution, P max pooling,
 * A average pooling, F dense, X concatenation, R residual add, U upsampling, L recurrent, E embedding — with
 * the width of C and F layers when the graph states it ("C64", "F4096").
 */
import type { Graph } from '../graph/index.ts';

/** A truth design: `seq` (tokens in order, `C*` for any width) or `counts` (per class), with equally valid readings. */
export interface TruthDesign {
  id: string;
  seq?: string;
  alt_seqs?: string[];
  counts?: Record<string, number>;
  alt_counts?: Array<Record<string, number>>;
  /** Heads, blocks and variants without full sizes: a tool need not find them, nor is finding them false. */
  optional?: boolean;
}

/** The class of a layer type, from words in its name tested in the script's order (a transpose conv is U, not C). */
function tokenClass(type: unknown): string | undefined {
  const t = (typeof type === 'string' ? type : '').toLowerCase().replace(/[_-]/g, '');
  if (['transpose', 'deconv', 'upsampl', 'unpool'].some((word) => t.includes(word))) return 'U';
  if (t.includes('conv') || t.includes('locallyconnected')) return 'C';
  if (t.includes('pool')) return t.includes('avg') || t.includes('average') || t.includes('mean') ? 'A' : 'P';
  if (['dense', 'linear', 'innerproduct', 'fullyconnected', 'fc', 'gemm'].includes(t)) return 'F';
  if (t.includes('concat')) return 'X';
  if (['add', 'eltwise', 'sum', 'residual'].includes(t)) return 'R';
  if (t === 'simplernn' || t === 'rnn' || t.includes('lstm') || t.includes('gru')) return 'L';
  if (t.includes('embed')) return 'E';
  return undefined;
}

/**
 * The first of `names` holding a number, as Python's int() of the JSON value: truncated, a boolean is 0 or 1, and a
 * symbol param ({symbol, default}) is no number. Non-finite numbers count as absent: `extract --json` writes them null.
 */
function width(params: Record<string, unknown> | undefined, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = params?.[name];
    if (typeof value === 'boolean') return String(Number(value));
    // BigInt writes every digit, as Python's str(int) does, where String() turns to 1e+21.
    if (typeof value === 'number' && Number.isFinite(value)) return String(BigInt(Math.trunc(value)));
  }
  return undefined;
}

export function truthTokens(graph: Pick<Graph, 'layers'>): string[] {
  const tokens: string[] = [];
  for (const layer of graph.layers) {
    const k = tokenClass(layer.type);
    if (!k) continue;
    const n =
      k === 'C'
        ? width(layer.params, ['filters', 'out_channels', 'num_output', 'channels'])
        : k === 'F'
          ? width(layer.params, ['units', 'out_features', 'num_output'])
          : undefined;
    tokens.push(k + (n ?? ''));
  }
  return tokens;
}

const sameToken = (read: string, truth: string): boolean => (truth.endsWith('*') ? read[0] === truth[0] : read === truth);

/** 1 − edit distance / longer length; a truth token ending in `*` matches any token of its class. */
function sequenceSimilarity(read: readonly string[], truth: readonly string[]): number {
  const n = read.length;
  const m = truth.length;
  if (Math.max(n, m) === 0) return 1;
  const d = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    let previous = d[0]!;
    d[0] = i;
    for (let j = 1; j <= m; j++) {
      const current = Math.min(d[j]! + 1, d[j - 1]! + 1, previous + (sameToken(read[i - 1]!, truth[j - 1]!) ? 0 : 1));
      previous = d[j]!;
      d[j] = current;
    }
  }
  return 1 - d[m]! / Math.max(n, m);
}

function classCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token[0]!, (counts.get(token[0]!) ?? 0) + 1);
  return counts;
}

/** F1 of per-class counts over the classes the truth names (classes it does not name are not counted against). */
function countF1(read: ReadonlyMap<string, number>, truth: Record<string, number>): number {
  const keys = Object.keys(truth);
  let tp = 0;
  let readSum = 0;
  let truthSum = 0;
  for (const k of keys) {
    tp += Math.min(read.get(k) ?? 0, truth[k]!);
    readSum += read.get(k) ?? 0;
    truthSum += truth[k]!;
  }
  if (tp === 0) return 0;
  const p = tp / readSum;
  const r = tp / truthSum;
  return (2 * p * r) / (p + r);
}

/** The score of `design` as a reading of `truth`: the best over the truth's readings (seq first, counts without it). */
export function truthScore(design: Pick<Graph, 'layers'>, truth: TruthDesign): number {
  const tokens = truthTokens(design);
  if (truth.seq !== undefined) {
    let best = 0;
    for (const seq of [truth.seq, ...(truth.alt_seqs ?? [])]) {
      const want = seq.split(/\s+/).filter(Boolean);
      // Only the classes the truth writes are compared: a truth without pooling ignores the pools read.
      const classes = new Set(want.map((t) => t[0]));
      best = Math.max(
        best,
        sequenceSimilarity(
          tokens.filter((t) => classes.has(t[0])),
          want,
        ),
      );
    }
    return best;
  }
  const counts = classCounts(tokens);
  return Math.max(...[truth.counts!, ...(truth.alt_counts ?? [])].map((c) => countF1(counts, c)));
}
