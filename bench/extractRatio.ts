/**
 * Whole-process `paper2net extract --no-bitmaps` against the whole-process pdf.js floor (bench/lib/pdfjsFloor.mjs:
 * the same file's text content and operator list of every page, in a process of its own), per corpus paper.
 * Goal: extract ≤ 1.5× the floor on every paper. Each is run RUNS times (default 3), interleaved, and the median
 * kept. Then the same paper once with bitmap figures on (rendered, classified, the accepted ones read by OCR): its
 * whole-process time and how many bitmap figures it had (BITMAPS=0 leaves that column out). The built CLI
 * (build/cli) is run directly, built first, so a stale build never falls back to tsx.
 * Run: `npx tsx bench/extractRatio.ts [name.pdf ...]` (also called by `npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.ts';

const GOAL = 1.5;
const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = fileURLToPath(new URL('../../shared/corpus/pdf/', import.meta.url));
const runs = Number(process.env.RUNS ?? 3);
const withBitmaps = process.env.BITMAPS !== '0';
const only = process.argv.slice(2);

/** Wall time of `node args`, in ms (or the end of its stderr when it failed), and its stdout. */
function timedRun(args: string[]): { ms: number | string; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  return { ms: result.status === 0 ? ms : `exit ${result.status}: ${result.stderr.trim().split('\n').at(-1)}`, stdout: result.stdout };
}

/** Whole-process `extract --json` with bitmap figures on: seconds and bitmap figures (classified / read by OCR). */
function withBitmapsColumn(pdf: string): string {
  const { ms, stdout } = timedRun(['build/cli/main.js', 'extract', pdf, '--json']);
  if (typeof ms === 'string') return `  bitmaps on: failed (${ms})`;
  const regions = (JSON.parse(stdout) as { regions: Array<{ classified?: { read: boolean } }> }).regions.filter((r) => r.classified);
  return `  bitmaps on ${(ms / 1000).toFixed(1).padStart(5)} s (${regions.length} bitmap figures, ${regions.filter((r) => r.classified!.read).length} read by OCR)`;
}

const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the CLI did not build');

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.pdf') && (only.length === 0 || only.includes(f)))
  .sort();
let over = 0;
let failed = 0;
let worst = 0;
for (const file of files) {
  const pdf = `${corpus}${file}`;
  const floor: number[] = [];
  const extract: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [times, args] of [
      [floor, ['bench/lib/pdfjsFloor.mjs', pdf]],
      [extract, ['build/cli/main.js', 'extract', pdf, '--no-bitmaps', '--json']],
    ] as const) {
      const { ms } = timedRun([...args]);
      if (typeof ms === 'number') times.push(ms);
      else failures.push(ms);
    }
  }
  if (failures.length) {
    failed++;
    console.log(`${file.padEnd(30)} failed: ${failures[0]}`);
    continue;
  }
  const ratio = median(extract) / median(floor);
  worst = Math.max(worst, ratio);
  if (ratio > GOAL) over++;
  console.log(
    `${file.padEnd(30)} pdf.js ${median(floor).toFixed(0).padStart(6)} ms  extract ${median(extract).toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(5)}×${ratio > GOAL ? '  over' : '      '}${withBitmaps ? withBitmapsColumn(pdf) : ''}`,
  );
}
console.log(
  `extract --no-bitmaps / pdf.js floor, whole process, median of ${runs}: worst ${worst.toFixed(2)}×, ${over} of ${files.length} papers over the ${GOAL}× goal${failed ? `, ${failed} failed` : ''}`,
);
