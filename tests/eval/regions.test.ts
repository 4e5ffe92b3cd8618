/**
 * Figure and table regions land on the figures and tables: precision and recall of the regions found on
 * hand-drawn pages of every corpus PDF (regions-truth.json; same label, IoU ≥ 0.5). The floors sit a little
 * under what was measured (1.00/1.00 on the tuning pages, 0.98/0.98 on the held-out ones).
 */
import { describe, expect, it } from 'vitest';
import { formatReport, loadTruth, precision, recall, scoreRegions } from './regionScore.ts';

const corpus = new URL('../../../shared/corpus/pdf/', import.meta.url);

describe('region placement on real papers', () => {
  it('finds the hand-drawn figure and table regions, and little else', async () => {
    const report = await scoreRegions(loadTruth(), corpus);
    console.log(formatReport(report));
    if (report.missed.length) console.log(`missed: ${report.missed.join('; ')}`);
    if (report.extra.length) console.log(`false: ${report.extra.join('; ')}`);
    expect(precision(report.tuning)).toBeGreaterThanOrEqual(0.95);
    expect(recall(report.tuning)).toBeGreaterThanOrEqual(0.95);
    expect(precision(report.heldOut)).toBeGreaterThanOrEqual(0.9);
    expect(recall(report.heldOut)).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});
