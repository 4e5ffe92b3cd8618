/**
 * Region placement against hand-drawn boxes (regions-truth.json), pdffigures-style: a found region matches a
 * truth region on the same page with the same label ("Table 2": the right caption) when their boxes overlap
 * with IoU ≥ 0.5, one to one.
 * Run directly (`npx tsx tests/eval/regionScore.ts [--list] [--corpus DIR]`) for the table per paper; regions.test.ts holds the floors.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findRegions, readDocument, type Box } from '../../src/paper/index.ts';

export interface TruthRegion {
  kind: 'figure' | 'table';
  label: string;
  box: Box;
}

export interface TruthPage {
  file: string;
  page: number;
  /** Drawn after the region finder was tuned on the other pages; never used to tune it. */
  heldOut?: boolean;
  regions: TruthRegion[];
}

export interface Counts {
  truth: number;
  found: number;
  matched: number;
}

export interface RegionReport {
  total: Counts;
  byKind: Record<'figure' | 'table', Counts>;
  /** Pages the finder was tuned on, and held-out pages. */
  tuning: Counts;
  heldOut: Counts;
  byFile: Map<string, Counts>;
  /** Truth regions no found region matched, and found regions that match none. */
  missed: string[];
  extra: string[];
}

export const MIN_IOU = 0.5;

export function iou(a: Box, b: Box): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  const area = (r: Box) => (r[2] - r[0]) * (r[3] - r[1]);
  return inter / (area(a) + area(b) - inter);
}

/** Greedy one-to-one matching, best overlaps first. Returns the matched pairs as [truth index, found index]. */
export function matchRegions(truth: TruthRegion[], found: TruthRegion[]): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  truth.forEach((t, i) =>
    found.forEach((f, j) => {
      const v = t.label.toLowerCase() === f.label.toLowerCase() ? iou(t.box, f.box) : 0;
      if (v >= MIN_IOU) pairs.push([i, j, v]);
    }),
  );
  pairs.sort((a, b) => b[2] - a[2]);
  const usedT = new Set<number>();
  const usedF = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [i, j] of pairs) {
    if (usedT.has(i) || usedF.has(j)) continue;
    usedT.add(i);
    usedF.add(j);
    out.push([i, j]);
  }
  return out;
}

const zero = (): Counts => ({ truth: 0, found: 0, matched: 0 });
const add = (c: Counts, truth: number, found: number, matched: number) => {
  c.truth += truth;
  c.found += found;
  c.matched += matched;
};

export function loadTruth(): TruthPage[] {
  return (JSON.parse(readFileSync(new URL('./regions-truth.json', import.meta.url), 'utf8')) as { pages: TruthPage[] }).pages;
}

export async function scoreRegions(truthPages: TruthPage[], corpusDir: URL): Promise<RegionReport> {
  const report: RegionReport = {
    total: zero(),
    byKind: { figure: zero(), table: zero() },
    tuning: zero(),
    heldOut: zero(),
    byFile: new Map(),
    missed: [],
    extra: [],
  };
  const files = [...new Set(truthPages.map((p) => p.file))];
  for (const file of files) {
    const wanted = truthPages.filter((p) => p.file === file);
    const doc = await readDocument(new Uint8Array(readFileSync(new URL(file, corpusDir))), { maxPages: Math.max(...wanted.map((p) => p.page)) });
    const counts = zero();
    for (const tp of wanted) {
      const page = doc.pages.find((p) => p.number === tp.page);
      const found: TruthRegion[] = page ? findRegions(page).map((r) => ({ kind: r.kind, label: r.caption.label, box: r.box })) : [];
      const pairs = matchRegions(tp.regions, found);
      add(counts, tp.regions.length, found.length, pairs.length);
      add(report.total, tp.regions.length, found.length, pairs.length);
      add(tp.heldOut ? report.heldOut : report.tuning, tp.regions.length, found.length, pairs.length);
      for (const kind of ['figure', 'table'] as const) {
        const n = pairs.filter(([i]) => tp.regions[i].kind === kind).length;
        add(report.byKind[kind], tp.regions.filter((r) => r.kind === kind).length, found.filter((r) => r.kind === kind).length, n);
      }
      const name = (r: TruthRegion) => `${file} p${tp.page} ${r.label} [${r.box.map((v) => Math.round(v)).join(', ')}]`;
      tp.regions.forEach((r, i) => pairs.some(([t]) => t === i) || report.missed.push(name(r)));
      found.forEach((r, j) => pairs.some(([, f]) => f === j) || report.extra.push(name(r)));
    }
    report.byFile.set(file, counts);
  }
  return report;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
export const precision = (c: Counts) => ratio(c.matched, c.found);
export const recall = (c: Counts) => ratio(c.matched, c.truth);

export function formatReport(report: RegionReport): string {
  const row = (name: string, c: Counts) => `| ${name} | ${c.truth} | ${c.found} | ${c.matched} | ${precision(c).toFixed(2)} | ${recall(c).toFixed(2)} |`;
  return [
    `| paper | truth | found | matched (same label, IoU ≥ ${MIN_IOU}) | precision | recall |`,
    '|---|---|---|---|---|---|',
    ...[...report.byFile].map(([file, c]) => row(file, c)),
    row('**figures**', report.byKind.figure),
    row('**tables**', report.byKind.table),
    row('**tuning pages**', report.tuning),
    row('**held-out pages**', report.heldOut),
    row('**all**', report.total),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--corpus');
  const corpus = at > 0 ? pathToFileURL(`${process.argv[at + 1]}/pdf/`) : new URL('../../../shared/corpus/pdf/', import.meta.url);
  const report = await scoreRegions(loadTruth(), corpus);
  console.log(formatReport(report));
  if (process.argv.includes('--list')) console.log(`\nmissed:\n${report.missed.join('\n')}\n\nfalse:\n${report.extra.join('\n')}`);
}
