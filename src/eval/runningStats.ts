/**
 * Statistics of scores in [0, 1] kept in bounded memory, for evaluations over any number of items: a fixed-bin
 * histogram of BINS + 1 bins (bin i holds the scores that round to i / BINS) and an exact count, sum, min and max.
 * Memory is the same for ten scores or ten million; quartiles are exact to ±1 / (2 · BINS) (0.0005), the mean,
 * min and max are exact.
 *
 * Quantiles are nearest-rank: the q-quantile is the smallest binned score v such that at least ⌈q · n⌉ scores are ≤ v
 * (the median of 1, 2, 3, 4 is 2; of 1, 2, 3 is 2). Box-plot whiskers are Tukey's: the most extreme scores within
 * 1.5 × IQR of the quartiles; the bins beyond them are the outliers, drawn as dots.
 */

export const BINS = 1000;

export interface RunningStats {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** `bins[i]`: how many scores round to i / BINS. */
  bins: number[];
}

export interface StatsSummary {
  count: number;
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Tukey whiskers: the lowest and highest score within 1.5 × IQR of the box. */
  whiskerLow: number;
  whiskerHigh: number;
  /** Distinct (binned) scores beyond the whiskers, each with how many figures scored it. */
  outliers: Array<{ value: number; count: number }>;
}

export function createStats(): RunningStats {
  return { count: 0, sum: 0, min: Infinity, max: -Infinity, bins: new Array<number>(BINS + 1).fill(0) };
}

/** Adds one score; throws for a value outside [0, 1] (a scorer's bug, not something to clip silently). */
export function addScore(stats: RunningStats, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`score ${value} is outside [0, 1]`);
  stats.count++;
  stats.sum += value;
  stats.min = Math.min(stats.min, value);
  stats.max = Math.max(stats.max, value);
  stats.bins[Math.round(value * BINS)]!++;
}

/** The nearest-rank q-quantile (0 < q ≤ 1) of the binned scores; NaN when there are none. */
export function quantile(stats: RunningStats, q: number): number {
  if (!stats.count) return NaN;
  const rank = Math.max(1, Math.ceil(q * stats.count));
  let seen = 0;
  for (let i = 0; i < stats.bins.length; i++) {
    seen += stats.bins[i]!;
    if (seen >= rank) return i / BINS;
  }
  return stats.max;
}

export function summarise(stats: RunningStats): StatsSummary {
  if (!stats.count) return { count: 0, mean: NaN, min: NaN, q1: NaN, median: NaN, q3: NaN, max: NaN, whiskerLow: NaN, whiskerHigh: NaN, outliers: [] };
  const q1 = quantile(stats, 0.25);
  const median = quantile(stats, 0.5);
  const q3 = quantile(stats, 0.75);
  const reach = 1.5 * (q3 - q1);
  // Compared in whole bins, so a score on the fence is inside whatever the float rounding.
  const lowBin = Math.round((q1 - reach) * BINS);
  const highBin = Math.round((q3 + reach) * BINS);
  let whiskerLow = q1;
  let whiskerHigh = q3;
  const outliers: StatsSummary['outliers'] = [];
  stats.bins.forEach((n, i) => {
    if (!n) return;
    if (i < lowBin || i > highBin) outliers.push({ value: i / BINS, count: n });
    else {
      whiskerLow = Math.min(whiskerLow, i / BINS);
      whiskerHigh = Math.max(whiskerHigh, i / BINS);
    }
  });
  return { count: stats.count, mean: stats.sum / stats.count, min: stats.min, q1, median, q3, max: stats.max, whiskerLow, whiskerHigh, outliers };
}
