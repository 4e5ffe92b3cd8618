/**
 * PDF → designs speed in Node: pages per second and whole-paper time for each corpus paper, and the time
 * for a 15-page paper (goal ≤ 3 s). Each paper is read once cold (first in this process for the first
 * paper: pdf.js and font parsing warm up) and then three more times; the median of those is reported.
 * Run: `npx tsx bench/pdf.ts` (also called by `npm run bench`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readDocument } from '../src/paper/index.ts';
import { median, timed } from './lib/measure.ts';
import { extractDesigns } from '../src/pipeline/extract.ts';

const corpus = new URL('../../shared/corpus/pdf/', import.meta.url);

const rows: string[] = [];
let totalPages = 0;
let totalMs = 0;
for (const file of readdirSync(corpus)
  .filter((f) => f.endsWith('.pdf'))
  .sort()) {
  const bytes = new Uint8Array(readFileSync(new URL(file, corpus)));
  const [first, cold] = await timed(() => extractDesigns(bytes));
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push((await timed(() => extractDesigns(bytes)))[1]);
  const ms = median(warm);
  const [, textMs] = await timed(() => readDocument(bytes, { textOnly: true }));
  totalPages += first.pagesRead;
  totalMs += ms;
  rows.push(
    `${file.padEnd(28)} ${String(first.pagesRead).padStart(3)} pages  cold ${cold.toFixed(0).padStart(5)} ms  warm ${ms.toFixed(0).padStart(5)} ms  ${((first.pagesRead / ms) * 1000).toFixed(1).padStart(5)} pages/s  (text only ${textMs.toFixed(0)} ms)  ${first.designs.length} design(s)`,
  );
}
console.log(rows.join('\n'));
console.log(`all corpus papers: ${totalPages} pages in ${totalMs.toFixed(0)} ms warm = ${((totalPages / totalMs) * 1000).toFixed(1)} pages/s`);

// A 15-page paper: overfeat.pdf (16 pages) read up to page 15, median of three.
const overfeat = new Uint8Array(readFileSync(new URL('overfeat.pdf', corpus)));
const fifteen: number[] = [];
for (let i = 0; i < 3; i++) fifteen.push((await timed(() => extractDesigns(overfeat, { maxPages: 15 })))[1]);
const m = median(fifteen);
console.log(`15-page paper (overfeat.pdf, pages 1–15): ${m.toFixed(0)} ms whole paper (goal ≤ 3000 ms) — ${m <= 3000 ? 'met' : 'NOT met'}`);
console.log(`memory: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
