/**
 * Designs as they are found: in headless Chromium against the production build, the time from dropping vgg.pdf
 * to its first design card, against the time pdf.js (the same version, in the same browser) takes to load that
 * PDF and read the text of every page. Prints both (medians of 3) and their ratio; the goal is ≤ 1.5.
 * Run: `npx tsx bench/streaming.ts` (also called by `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildApp, CORPUS, launchChromium, ROOT, serveApp } from '../tests/e2e/serveApp.ts';
import { median } from './lib/measure.ts';

const PDFJS = join(ROOT, 'node_modules/pdfjs-dist/build');
const PAPER = join(CORPUS, 'pdf/vgg.pdf');
const RUNS = 3;

/** Serves pdf.js's own files under /__bench/ on the app's origin (the app's CSP allows only its own origin). */
async function routePdfjs(context: BrowserContext): Promise<void> {
  await context.route('**/__bench/*.mjs', (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop()!;
    return route.fulfill({ body: readFileSync(join(PDFJS, file)), contentType: 'text/javascript', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } });
  });
}

/** pdf.js loads the document and reads every page's text, in the page (module already loaded: not timed). */
async function pdfjsFloor(page: Page, base64: string): Promise<number> {
  return page.evaluate(async (data) => {
    const pdfjs = (await import('/__bench/pdf.min.mjs' as string)) as typeof import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = '/__bench/pdf.worker.min.mjs';
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const started = performance.now();
    const doc = await pdfjs.getDocument({ data: bytes }).promise;
    for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
    const ms = performance.now() - started;
    await doc.destroy();
    return ms;
  }, base64);
}

/** Drops the PDF on the window and times it to the first design card on screen, measured in the page. */
async function dropToFirstDesign(page: Page, base64: string): Promise<number> {
  return page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'vgg.pdf', { type: 'application/pdf' }));
    const started = performance.now();
    const shown = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-testid=design-card]')) return;
        observer.disconnect();
        resolve(performance.now() - started);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    for (const kind of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return shown;
  }, base64);
}

export async function benchStreaming(): Promise<Record<string, number>> {
  buildApp();
  const server = await serveApp();
  const browser = await launchChromium();
  const base64 = readFileSync(PAPER).toString('base64');
  const floor: number[] = [];
  const first: number[] = [];
  try {
    // A fresh profile per run (an empty library: the same PDF dropped again would open the stored copy).
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
      await routePdfjs(context);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByText('Drop a paper here').waitFor();
      floor.push(await pdfjsFloor(page, base64));
      first.push(await dropToFirstDesign(page, base64));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const round = (x: number): number => Math.round(x);
  return {
    pdfjsLoadAndTextMs: round(median(floor)),
    dropToFirstDesignMs: round(median(first)),
    ratio: Math.round((median(first) / median(floor)) * 100) / 100,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const figures = await benchStreaming();
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(30)} ${value}`);
  console.log(`(goal: ratio ≤ 1.5; each figure the median of ${RUNS} runs, one fresh browser profile each)`);
}
