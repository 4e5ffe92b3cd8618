/**
 * Whole-process `paper2net extract --no-bitmaps` against the whole-process pdf.js floor (bench/lib/pdfjsFloor.mjs:
 * the same file's text content and operator list of every page, in a process of its own), per corpus paper.
 * Goal: extract ≤ 1.5× the floor on every paper. Each is run RUNS times (default 3), interleaved, and the median
 * kept, of wall time and of CPU time (every thread's, as the process reports it at exit: bench/lib/cpuAtExit.mjs).
 * On the shared 2-core machine the wall times swing with the other users' load; the CPU ratio holds under load. Then the same paper once with bitmap figures on (rendered, classified, the accepted ones read by OCR): its
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

/** Wall time of `node args`, in ms (or the end of its stderr when it failed), its CPU time in ms, and its stdout. */
function timedRun(args: string[]): { ms: number | string; cpuMs: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', './bench/lib/cpuAtExit.mjs', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  const stderr = result.stderr.trim().split('\n');
  const cpuMs = Number(/^cpu-ms (\d+)$/.exec(stderr.at(-1) ?? '')?.[1] ?? NaN);
  return { ms: result.status === 0 ? ms : `exit ${result.status}: ${stderr.at(-2)}`, cpuMs, stdout: result.stdout };
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
let overCpu = 0;
let failed = 0;
let worst = 0;
let worstCpu = 0;
for (const file of files) {
  const pdf = `${corpus}${file}`;
  const floor = { wall: [] as number[], cpu: [] as number[] };
  const extract = { wall: [] as number[], cpu: [] as number[] };
  const failures: string[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [times, args] of [
      [floor, ['bench/lib/pdfjsFloor.mjs', pdf]],
      [extract, ['build/cli/main.js', 'extract', pdf, '--no-bitmaps', '--json']],
    ] as const) {
      const { ms, cpuMs } = timedRun([...args]);
      if (typeof ms === 'string') failures.push(ms);
      else {
        times.wall.push(ms);
        times.cpu.push(cpuMs);
      }
    }
  }
  if (failures.length) {
    failed++;
    console.log(`${file.padEnd(30)} failed: ${failures[0]}`);
    continue;
  }
  const ratio = median(extract.wall) / median(floor.wall);
  const cpuRatio = median(extract.cpu) / median(floor.cpu);
  worst = Math.max(worst, ratio);
  worstCpu = Math.max(worstCpu, cpuRatio);
  if (ratio > GOAL) over++;
  if (cpuRatio > GOAL) overCpu++;
  const column = (label: string, times: number[]) => `${label} ${median(times).toFixed(0).padStart(6)} ms`;
  console.log(
    `${file.padEnd(30)} wall: ${column('pdf.js', floor.wall)}  ${column('extract', extract.wall)}  ${ratio.toFixed(2).padStart(5)}×${ratio > GOAL ? ' over' : '     '}` +
      `  cpu: ${column('pdf.js', floor.cpu)}  ${column('extract', extract.cpu)}  ${cpuRatio.toFixed(2).padStart(5)}×${cpuRatio > GOAL ? ' over' : '     '}` +
      `${withBitmaps ? withBitmapsColumn(pdf) : ''}`,
  );
}
console.log(
  `extract --no-bitmaps / pdf.js floor, whole process, median of ${runs}: wall worst ${worst.toFixed(2)}×, ${over} of ${files.length} papers over the ${GOAL}× goal; ` +
    `CPU worst ${worstCpu.toFixed(2)}×, ${overCpu} over${failed ? `; ${failed} failed` : ''}`,
);
