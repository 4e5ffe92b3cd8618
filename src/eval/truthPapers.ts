/**
 * The designs extracted from each paper of truth.json against its truth designs, as ../shared/tools/score_truth.py
 * counts them: each required truth design takes one extracted design (greedily, best score first); designs that
 * match an optional truth design are set aside; every design from a paper with no truth design is false.
 */
import type { Graph } from '../graph/index.ts';
import { truthScore, type TruthDesign } from './truth.ts';

/** truth.json's `papers`: PDF file name (in the corpus's pdf/) → its truth designs, [] for a paper with none. */
export type TruthPapers = Record<string, TruthDesign[]>;

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((s) => typeof s === 'string');
const isCounts = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((n) => typeof n === 'number');

/** The `papers` of a parsed truth.json; throws on an entry the script could not score. */
export function parseTruth(doc: unknown): TruthPapers {
  const papers = (doc as { papers?: unknown } | null)?.papers;
  if (typeof papers !== 'object' || papers === null || Array.isArray(papers)) throw new Error('truth: no "papers" object');
  for (const [paper, designs] of Object.entries(papers)) {
    if (!Array.isArray(designs)) throw new Error(`truth: ${paper}: expected a list of designs`);
    for (const d of designs as Array<Record<string, unknown>>) {
      const where = `truth: ${paper}: ${String(d?.id)}`;
      if (typeof d?.id !== 'string') throw new Error(`${where}: no id`);
      if (d.seq === undefined && d.counts === undefined) throw new Error(`${where}: neither seq nor counts`);
      if (d.seq !== undefined && typeof d.seq !== 'string') throw new Error(`${where}: seq is not a string`);
      if (d.alt_seqs !== undefined && !isStrings(d.alt_seqs)) throw new Error(`${where}: alt_seqs is not a list of strings`);
      if (d.seq === undefined && !isCounts(d.counts)) throw new Error(`${where}: counts is not an object of numbers`);
      if (d.alt_counts !== undefined && !(Array.isArray(d.alt_counts) && d.alt_counts.every(isCounts)))
        throw new Error(`${where}: alt_counts is not a list of counts`);
      if (d.optional !== undefined && typeof d.optional !== 'boolean') throw new Error(`${where}: optional is not true or false`);
    }
  }
  return papers as TruthPapers;
}

export interface TruthMatch {
  truth: TruthDesign;
  score: number;
  /** The extracted design it took; none when the paper gave fewer designs than it has truth designs. */
  design?: Graph;
}

export interface TruthPaperScore {
  /** `required`: scored; `optional`: only optional truth designs, nothing scored; `negative`: no design at all. */
  kind: 'required' | 'optional' | 'negative';
  /** One per required truth design, in truth order. */
  matches: TruthMatch[];
  /** Designs extracted from a negative paper. */
  falseDesigns: number;
  /** Designs of a `required` paper neither taken by a truth design nor matching an optional one. */
  further: number;
}

/** Scores ≥ this against an optional truth design (and below against every required one) set a design aside. */
const OPTIONAL_MATCH = 0.5;

export function scoreTruthPaper(designs: readonly Graph[], truth: readonly TruthDesign[]): TruthPaperScore {
  const optional = truth.filter((t) => t.optional);
  const required = truth.filter((t) => !t.optional);
  const best = (design: Graph, of: readonly TruthDesign[]) => Math.max(...of.map((t) => truthScore(design, t)));
  const kept = optional.length
    ? designs.filter((d) => !(best(d, optional) >= OPTIONAL_MATCH && (!required.length || best(d, required) < OPTIONAL_MATCH)))
    : designs;
  if (!required.length) return { kind: optional.length ? 'optional' : 'negative', matches: [], falseDesigns: optional.length ? 0 : kept.length, further: 0 };
  const pairs = kept.flatMap((design, i) => required.map((t, j) => ({ score: truthScore(design, t), i, j })));
  // The script sorts (score, i, j) tuples descending: on equal scores the later design, then the later truth design, first.
  pairs.sort((a, b) => b.score - a.score || b.i - a.i || b.j - a.j);
  const used = new Set<number>();
  const taken = new Map<number, TruthMatch>();
  for (const { score, i, j } of pairs) {
    if (used.has(i) || taken.has(j)) continue;
    used.add(i);
    taken.set(j, { truth: required[j]!, score, design: kept[i]! });
  }
  return { kind: 'required', matches: required.map((t, j) => taken.get(j) ?? { truth: t, score: 0 }), falseDesigns: 0, further: kept.length - used.size };
}

export interface TruthSummary {
  /** Mean score over the required truth designs. */
  score: number;
  required: number;
  falseDesigns: number;
}

export function summariseTruth(papers: readonly TruthPaperScore[]): TruthSummary {
  let total = 0;
  let required = 0;
  let falseDesigns = 0;
  // Summed in the script's order, so the mean is the same double.
  for (const paper of papers) {
    for (const match of paper.matches) total += match.score;
    required += paper.matches.length;
    falseDesigns += paper.falseDesigns;
  }
  return { score: required ? total / required : 0, required, falseDesigns };
}

/**
 * `x` with `digits` decimals as Python's '%.Nf' writes it. Both round the exact binary value, but on an exact tie
 * (0.625 to 2 decimals) Python rounds to even (0.62) where toFixed rounds up (0.63).
 */
export function pythonFixed(x: number, digits: number): string {
  const exact = x.toFixed(digits + 30);
  const cut = exact.length - 30;
  if (!/^50*$/.test(exact.slice(cut))) return x.toFixed(digits);
  const down = exact.slice(0, digits ? cut : cut - 1);
  return Number(down.at(-1)) % 2 === 0 ? down : x.toFixed(digits);
}

/** The script's last line. */
export const truthSummaryLine = (summary: TruthSummary, seconds: number): string =>
  `score ${pythonFixed(summary.score, 3)} over ${summary.required} required designs; ${summary.falseDesigns} false designs on negatives; ${pythonFixed(seconds, 0)} s extracting`;
