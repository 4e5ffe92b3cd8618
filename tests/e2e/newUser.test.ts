/**
 * The app tried as a new user would, on `npm run dev` with an empty dependency cache (the first run after
 * `npm install`): the first drop is not lost, a second paper shows its own pages, every region says what the
 * reader made of it, a region or a box drawn on a page can be read into a design, and the editor fits.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDev } from './devServer.ts';
import { CORPUS, launchChromium, ROOT } from './serveApp.ts';

const SHOTS = join(ROOT, 'test-artifacts/e2e');
let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveDev>>;
let loads = 0;
const pageErrors: string[] = [];

async function dropFile(path: string, name: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'application/pdf' }));
      for (const kind of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { base64, name },
  );
}

/** A digest of what page `n`'s canvas shows, once it has been painted. */
async function pagePixels(n: number): Promise<string> {
  const canvas = page.locator(`[data-page="${n}"] canvas`);
  await canvas.scrollIntoViewIfNeeded();
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(500); // pdf.js paints asynchronously after sizing the canvas
  const url = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'));
  return createHash('sha256').update(url).digest('hex');
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveDev();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
  page.on('load', () => loads++);
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a new user on npm run dev', () => {
  it('keeps the first paper dropped on a fresh dev server: no dependency re-optimisation reloads the page', async () => {
    await page.goto(server.url);
    await page.getByText('Drop a paper here').waitFor({ timeout: 120_000 });
    await dropFile(join(CORPUS, 'pdf/vgg.pdf'), 'vgg.pdf');
    await page.locator('[data-testid=design-card]').first().waitFor({ timeout: 180_000 });
    expect(loads).toBe(1);
    expect(server.log.join('\n')).not.toMatch(/optimized dependencies changed|new dependencies optimized/);
  }, 300_000);

  it('shows the second paper its own pages, not the first paper’s', async () => {
    const vggFirst = await pagePixels(1);
    await dropFile(join(CORPUS, 'pdf/tikz_lenet5.pdf'), 'tikz_lenet5.pdf');
    await page.getByRole('heading', { name: /tikz lenet5/i }).waitFor();
    await expect.poll(() => page.locator('.page').count()).toBe(1);
    expect(await pagePixels(1)).not.toBe(vggFirst);
  }, 120_000);
});
