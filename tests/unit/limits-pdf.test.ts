/**
 * Hostile PDFs (generated in tests/support/hostile-pdfs.ts) meet real limits: an impossible page tree is
 * refused by name, an image over the pixel budget is left out undecoded with a warning naming its page, and
 * the documents that made pdf.js run for minutes and gigabytes are stopped by the worker supervisor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIsolated } from '../../src/cli/extractIsolated.ts';
import { LimitError } from '../../src/cli/isolate.ts';
import { IMAGE_PIXEL_LIMIT, readDocument } from '../../src/paper/index.ts';
import { contentBombPdf, countPdf, fanOutFormPdf, hugeImagePdf, slowFigurePdf, stuckPagePdf } from '../support/hostile-pdfs.ts';

const BIN = new URL('../../bin/paper2net.mjs', import.meta.url).pathname;

/** `paper2net extract` on a generated PDF, as a user runs it. */
function extractCli(name: string, pdf: Uint8Array, ...options: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'p2n-limits-')), name);
  writeFileSync(file, pdf);
  return { file, ...spawnSync(process.execPath, [BIN, 'extract', file, ...options], { encoding: 'utf8', timeout: 100_000 }) };
}

describe('PDF limits', () => {
  it('refuses a page tree whose /Count is negative, naming the field; the same pages with /Count 5 are read', async () => {
    await expect(readDocument(countPdf(-5))).rejects.toThrow(/impossible page count: the page tree's \/Count is -5/);
    const intact = await readDocument(countPdf(5));
    expect(intact.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('leaves a 30,000 × 30,000 px image out undecoded, with a warning naming the page and the limit', async () => {
    const before = process.memoryUsage.rss();
    const doc = await readDocument(hugeImagePdf(30_000));
    expect(doc.warnings).toContain(`page 1: 1 image(s) over the ${(IMAGE_PIXEL_LIMIT / 1e6).toFixed(1)} Mpx pixel limit left out, not decoded`);
    expect(doc.pages[0]!.images).toEqual([]);
    // Decoded, the image alone would take 3.6 GB as RGBA.
    expect(process.memoryUsage.rss() - before).toBeLessThan(600 * 2 ** 20);
  });

  it('CLI: a 30,000 px image PDF is read, with and without --no-bitmaps, with the warning naming the page and the limit', () => {
    // Before: 100 s and 8.3 GB; with --no-bitmaps 52 s, 5.6 GB, exit 0 and no warning.
    for (const options of [[], ['--no-bitmaps']]) {
      const started = Date.now();
      const result = extractCli('huge-image.pdf', hugeImagePdf(30_000), ...options);
      expect(result.status, options.join(' ')).toBe(0);
      expect(result.stderr, options.join(' ')).toContain('warning: page 1: 1 image(s) over the 33.6 Mpx pixel limit left out, not decoded');
      expect(result.stdout).toContain('0 design(s) from 1 of 1 page(s)');
      expect(Date.now() - started).toBeLessThan(60_000);
    }
  });

  it('CLI: a page tree with /Count -5 exits 1 with one line naming the field', () => {
    // Before: '0 design(s) from 0 of -5 page(s)' and exit 0.
    const result = extractCli('count.pdf', countPdf(-5), '--no-bitmaps');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`paper2net extract: ${result.file}: impossible page count: the page tree's /Count is -5`);
  });

  it('keeps an image under the budget, with its pixel size', async () => {
    const doc = await readDocument(hugeImagePdf(2000));
    expect(doc.warnings.filter((w) => /pixel limit/.test(w))).toEqual([]);
    expect(doc.pages[0]!.images.map((i) => i.pixels)).toEqual([[2000, 2000]]);
  });

  it('stops a content-stream bomb in the worker at the page allowance, naming the page', async () => {
    const started = Date.now();
    const error = await extractIsolated({ bytes: contentBombPdf(), bitmaps: false, ocr: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitError);
    // Which allowance the bomb reaches first (time or memory) depends on the machine's load; either is named.
    expect((error as Error).message).toMatch(
      /^page 1: (?:took longer than \d+ ms \(the limit for this step\)|used more than \d+ MB of memory \(the memory limit\))/,
    );
    expect(Date.now() - started).toBeLessThan(80_000);
  });

  it('leaves a stuck page out and reads the others, naming the page and the limit', async () => {
    const result = await extractIsolated({ bytes: stuckPagePdf(2, 3), bitmaps: false, ocr: false });
    expect(result.pagesRead).toBe(2);
    expect(result.pageCount).toBe(3);
    // Which allowance the bomb reaches first (time or memory) depends on the machine; either is named.
    expect(result.warnings[0]).toMatch(
      /^page 2 left out \(page 2: (?:took longer than \d+ ms \(the limit for this step\)|used more than \d+ MB of memory \(the memory limit\))\); the other pages were read$/,
    );
  });

  it('leaves a stuck bitmap figure out and keeps the rest of the paper, naming the figure and the limit', async () => {
    // Quick to list, minutes to render: before, the figure step's limit failed the whole document.
    const result = await extractIsolated({ bytes: slowFigurePdf(), bitmaps: true, ocr: false });
    expect(result.pagesRead).toBe(1);
    expect(result.warnings[0]).toMatch(
      /^page 1, Figure 1 left out \(page 1, Figure 1: rendering: (?:took longer than \d+ ms \(the limit for this step\)|used more than \d+ MB of memory \(the memory limit\))\); the rest of the paper was read$/,
    );
    const figure = result.regions.find((region) => region.kind === 'figure:raster')!;
    expect(figure.caption).toMatch(/^Figure 1:/);
    expect(figure.verdict?.reason).toMatch(/left out/);
  }, 300_000);

  it('CLI: a 4 KB fan-out form PDF ends in one clear line and exit 1, within the limits', () => {
    const started = Date.now();
    const result = extractCli('fanout.pdf', fanOutFormPdf(), '--no-bitmaps');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^paper2net extract: .*fanout\.pdf: page 1: took longer than \d+ ms/)]);
    expect(Date.now() - started).toBeLessThan(100_000);
  });

  it('CLI: figure on the fan-out form PDF is read in a worker and stopped at the page allowance, in one clear line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'p2n-limits-'));
    const file = join(dir, 'fanout.pdf');
    writeFileSync(file, fanOutFormPdf());
    const started = Date.now();
    const result = spawnSync(process.execPath, [BIN, 'figure', file, '--page', '1'], { encoding: 'utf8', timeout: 100_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^paper2net figure: page 1: took longer than \d+ ms \(the limit for this step\); the reading was stopped$/),
    ]);
    expect(Date.now() - started).toBeLessThan(100_000);
  });
});
