/**
 * `paper2net batch` over every corpus PDF with 2 jobs and no bitmaps, as a user runs it (the built CLI): papers
 * per minute, the process's peak resident memory, and the time 5,000 papers would take at that rate.
 * `BENCH_BATCH_BITMAPS=1` measures with bitmap figures as well (minutes: each figure is rendered and classified).
 * Run: `npx tsx bench/batch.ts` (also called by `npm run bench`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const corpus = join(root, '../shared/corpus/pdf');
const JOBS = 2;

/** The peak resident memory so far of a running process (Linux: VmHWM), MB. */
function peakMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0; // the process has just ended
  }
}

async function measure(bitmaps: boolean): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'p2n-bench-batch-'));
  try {
    const args = [join(root, 'bin/paper2net.mjs'), 'batch', corpus, '--out', out, '--jobs', String(JOBS), ...(bitmaps ? [] : ['--no-bitmaps'])];
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakMb(child.pid!))), 100);
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => ((peak = Math.max(peak, peakMb(child.pid!))), resolve(code))));
    clearInterval(poll);
    const ms = performance.now() - started;
    if (status !== 0) throw new Error(`batch exited with ${status}:\n${stderr}`);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { papers: { failure?: string; pageCount?: number; designCount: number }[] };
    const papers = index.papers.length;
    const failed = index.papers.filter((p) => p.failure).length;
    const pages = index.papers.reduce((n, p) => n + (p.pageCount ?? 0), 0);
    const designs = index.papers.reduce((n, p) => n + p.designCount, 0);
    const perMinute = (papers / ms) * 60_000;
    const hours = 5000 / perMinute / 60;
    console.log(
      `batch ${bitmaps ? 'with bitmaps   ' : 'without bitmaps'} --jobs ${JOBS}: ${papers} papers (${pages} pages, ${designs} designs, ${failed} failed) in ${(ms / 1000).toFixed(1)} s = ` +
        `${perMinute.toFixed(1)} papers/min; peak memory ${peak.toFixed(0)} MB; 5,000 papers ≈ ${hours.toFixed(1)} h on this machine`,
    );
    for (const line of stderr.split('\n').filter((l) => /FAILED/.test(l))) console.log(`  ${line}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// The built CLI (what a user runs); bin/ would fall back to transpiling through tsx were the build stale.
spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
console.log(`${readdirSync(corpus).filter((f) => f.endsWith('.pdf')).length} corpus PDFs`);
await measure(false);
if (process.env.BENCH_BATCH_BITMAPS === '1') await measure(true);
