/**
 * Designs as they are found: in headless Chromium against the production build, the time from dropping vgg.pdf
 * to its first design card, against the time pdf.js (the same version, in the same browser) takes to load that
 * PDF and read the text of every page. Prints both (medians of 3) and their ratio; the goal is ≤ 1.5.
 * Each is measured in a fresh profile of its own: pdf.js in a blank page of the app's origin, with its own worker
 * (a floor measured inside the app's page competed with the app's start-up, and its pdf.js, left without a worker,
 * fell back to the main thread and made the app's own pdf.js do so too); the app once it has settled after loading.
 * Run: `npx tsx bench/streaming.ts` (also called by `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ISOLATION_HEADERS, policyFor } from '../workers/securityHeaders.ts';
import { buildApp, CORPUS, launchChromium, ROOT, serveApp } from '../tests/e2e/serveApp.ts';
import { median } from './lib/measure.ts';

const PDFJS = join(ROOT, 'node_modules/pdfjs-dist/build');
const PAPER = join(CORPUS, 'pdf/vgg.pdf');
const RUNS = 3;
/** How long the app is left to start its workers after its first screen, as a person takes to pick a file. */
const SETTLE_MS = 2000;

/** A blank page on the app's origin serving pdf.js's own files, with the headers the app's files get. */
async function pdfjsPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/__bench/*', (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop()!;
    const policy = policyFor(route.request().headers()['sec-fetch-dest']);
    const headers = { ...ISOLATION_HEADERS, ...(policy ? { 'Content-Security-Policy': policy } : {}) };
    if (file === 'floor.html') return route.fulfill({ body: '<!doctype html><title>pdf.js floor</title>', contentType: 'text/html', headers });
    return route.fulfill({ body: readFileSync(join(PDFJS, file)), contentType: 'text/javascript', headers });
  });
  const page = await context.newPage();
  await page.goto(new URL('/__bench/floor.html', origin).href);
  return page;
}

/** pdf.js loads the document (starting its worker) and reads every page's text (module already loaded: not timed). */
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
    // A fake (main-thread) worker would not be the pdf.js a reader gets.
    if ((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker) throw new Error('pdf.js ran without its worker');
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
      const blank = await pdfjsPage(browser, server.url);
      floor.push(await pdfjsFloor(blank, base64));
      await blank.context().close();
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByText('Drop a paper here').waitFor();
      await page.waitForTimeout(SETTLE_MS);
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
