/**
 * Bitmap figures in the browser: the pipeline worker renders the figure into an OffscreenCanvas, the classifier
 * (onnxruntime-web) accepts it and tesseract.js reads it, so a Keras plot_model picture placed in a PDF becomes
 * a design card, as it does in Node (tests/eval/bitmaps.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeImage } from '../../src/cli/classify.ts';
import { figurePdf } from '../eval/figurePdf.ts';
import { buildApp, CORPUS, launchChromium, serveApp } from './serveApp.ts';

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const pageErrors: string[] = [];

beforeAll(async () => {
  buildApp();
  server = await serveApp();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Where the reading stands — its job line, the regions' verdicts, the error banner — for a failure to say. */
async function readingState(): Promise<string> {
  const said = async (selector: string) => {
    const text = await page
      .locator(selector)
      .first()
      .textContent({ timeout: 1000 })
      .catch(() => null);
    return text?.replace(/\s+/g, ' ').trim() || 'none';
  };
  return `job: ${await said('.job')}; regions: ${await said('[data-testid=reading-regions]')}; banner: ${await said('[role=alert]')}`;
}

it('reads a Keras plot_model bitmap placed in a PDF into a design', async () => {
  const image = join(CORPUS, 'images/arch/datendynam__model.png');
  const body = Array.from({ length: 6 }, (_, i) => `Line ${i + 1} of the body text, describing the experiments in enough words to fill one whole line.`);
  const pdf = figurePdf(decodeImage(readFileSync(image), image), 'Figure 1: The network used in our experiments.', body, 640);
  await page.goto(server.url);
  await page.getByText('Drop a paper here').waitFor();
  const base64 = Buffer.from(pdf).toString('base64');
  await page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'plot.pdf', { type: 'application/pdf' }));
    for (const kind of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, base64);
  const card = page.locator('[data-testid=design-card]').first();
  await card.waitFor({ timeout: 300_000 }).catch(async (error: Error) => {
    throw new Error(`${error.message.split('\n')[0]} — ${await readingState()}`, { cause: error });
  });
  const text = await card.innerText();
  expect(text).toMatch(/figure · page 1/);
  // The model file has 21 layers (Input included); Node reads all of them.
  expect(Number(/(\d+) layers/.exec(text)?.[1])).toBeGreaterThanOrEqual(19);
  expect(pageErrors).toEqual([]);
}, 360_000);
