/**
 * Running per-style results of an evaluation over synthetic figures: for each style only bounded state (histograms
 * of the three scores, counts, summed times and the few worst figures), so a run over 100,000 figures holds no more
 * than one over ten. Architecture styles are scored by figureScore.ts; negatives (no network drawn) by whether the
 * reader read no layer at all.
 */
import type { FigureScore } from './figureScore.ts';
import { addScore, createStats, type RunningStats } from './runningStats.ts';

/** What one figure gave: sent from the thread that read it to the one that keeps the tallies. */
export interface FigureResult {
  index: number;
  style: string;
  /** The figure draws a network (false: a negative). */
  architecture: boolean;
  /** Architecture figures only. */
  score?: FigureScore;
  layersRead: number;
  renderSeconds: number;
  readSeconds: number;
  /** The reader threw or ran out of time: scored as a reading of no layers. */
  error?: string;
}

/** How many of the lowest-scoring figures each style remembers, so they can be redrawn (same seed and index) and looked at. */
export const WORST_KEPT = 5;

export interface StyleTally {
  style: string;
  architecture: boolean;
  figures: number;
  failed: number;
  layers: RunningStats;
  edges: RunningStats;
  params: RunningStats;
  /** Architecture figures whose matched layers show no param (no params score). */
  noParamsShown: number;
  /** Figures of which no layer was read: a success for negatives. */
  noLayersRead: number;
  renderSeconds: number;
  readSeconds: number;
  /** The lowest layer scores (architectures) or the most layers read (negatives), worst first. */
  worst: Array<{ index: number; value: number }>;
  /** The first error messages seen (at most WORST_KEPT). */
  errors: string[];
}

export function createTally(style: string, architecture: boolean): StyleTally {
  return {
    style,
    architecture,
    figures: 0,
    failed: 0,
    layers: createStats(),
    edges: createStats(),
    params: createStats(),
    noParamsShown: 0,
    noLayersRead: 0,
    renderSeconds: 0,
    readSeconds: 0,
    worst: [],
    errors: [],
  };
}

/** Keeps the WORST_KEPT worst entries; `badness` orders them (higher is worse), ties by index. */
function keepWorst(list: StyleTally['worst'], entry: { index: number; value: number }, badness: (value: number) => number): void {
  list.push(entry);
  list.sort((a, b) => badness(b.value) - badness(a.value) || a.index - b.index);
  if (list.length > WORST_KEPT) list.length = WORST_KEPT;
}

const architectureBadness = (value: number) => -value;
const negativeBadness = (value: number) => value;

export function addFigure(tally: StyleTally, result: FigureResult): void {
  tally.figures++;
  tally.renderSeconds += result.renderSeconds;
  tally.readSeconds += result.readSeconds;
  if (result.error) {
    tally.failed++;
    if (tally.errors.length < WORST_KEPT) tally.errors.push(`#${result.index}: ${result.error}`);
  }
  if (result.layersRead === 0) tally.noLayersRead++;
  if (!tally.architecture) {
    if (result.layersRead > 0) keepWorst(tally.worst, { index: result.index, value: result.layersRead }, negativeBadness);
    return;
  }
  const score = result.score ?? { layers: 0, edges: 0, params: null };
  addScore(tally.layers, score.layers);
  addScore(tally.edges, score.edges);
  if (score.params === null) tally.noParamsShown++;
  else addScore(tally.params, score.params);
  if (score.layers < 1) keepWorst(tally.worst, { index: result.index, value: score.layers }, architectureBadness);
}
