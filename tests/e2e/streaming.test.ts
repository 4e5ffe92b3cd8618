/**
 * Designs as they are found, in Chromium against the production build: a paper whose text states a network and
 * which holds a bitmap figure (classified and OCR'd, seconds of work) shows the text's design while the figure
 * is still being read, lists every region with where its reading stands, and a Cancel after the first stage
 * keeps what was found.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeImage } from '../../src/cli/classify.ts';
import { figurePdf } from '../eval/figurePdf.ts';
import { buildApp, CORPUS, launchChromium, ROOT, serveApp } from './serveApp.ts';

const SHOTS = join(ROOT, 'test-artifacts/e2e');

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const pageErrors: string[] = [];

/** A page whose first lines state a small CNN, above a Keras plot_model picture of another network. */
function paper(variant: string): Uint8Array {
  const image = join(CORPUS, 'images/arch/datendynam__model.png');
  const body = [
    'Our network has three convolutional layers with 32, 64 and 128 filters of size 3x3,',
    'each followed by 2x2 max pooling, and two fully connected layers with 256 and 10 units.',
    `This is the ${variant} copy of the page, with enough words in it to fill one whole line.`,
  ];
  return figurePdf(decodeImage(readFileSync(image), image), 'Figure 1: The network used in our experiments.', body, 640);
}

async function drop(bytes: Uint8Array, name: string): Promise<void> {
  await page.evaluate(
    ({ base64, name }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'application/pdf' }));
      for (const kind of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { base64: Buffer.from(bytes).toString('base64'), name },
  );
}

const reading = () => page.getByRole('status').filter({ hasText: 'Reading the paper' });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildApp();
  server = await serveApp();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.getByText('Drop a paper here').waitFor();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('shows the design the text states while the bitmap figure is still being read, then the figure’s', async () => {
  await drop(paper('first'), 'streamed.pdf');
  const cards = page.locator('[data-testid=design-card]');
  await cards.first().waitFor({ timeout: 120_000 });
  // The first design is on screen and the reading goes on: the figure is waiting or being read, not done.
  expect(await reading().isVisible()).toBe(true);
  expect(await cards.first().innerText()).toMatch(/text · page 1/);
  const figure = page.locator('[data-testid=reading-regions] li', { hasText: 'Figure 1' });
  expect(await figure.getAttribute('data-state')).toMatch(/^(waiting|reading)$/);
  await page.screenshot({ path: join(SHOTS, '32-streaming.png') });
  await expect.poll(() => figure.getAttribute('data-state'), { timeout: 120_000 }).toBe('reading');
  await reading().waitFor({ state: 'detached', timeout: 180_000 });
  await expect.poll(() => cards.count()).toBe(2);
  expect(await cards.nth(1).innerText()).toMatch(/figure · page 1/);
  expect(await page.locator('.box', { hasText: 'Figure 1' }).first().innerText()).toMatch(/bitmap, architecture drawing/);
  expect(pageErrors).toEqual([]);
}, 300_000);

it('keeps the designs found before a Cancel, and says what was not read', async () => {
  // A fresh pipeline worker: the classifier and OCR start again, so the bitmap stage takes seconds, as above.
  await page.reload();
  await page.locator('[data-testid=library-paper]').first().waitFor();
  await drop(paper('second'), 'cancelled.pdf');
  await page.locator('[data-testid=design-card]').first().waitFor({ timeout: 120_000 });
  expect(await reading().isVisible()).toBe(true);
  await reading().getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('status').filter({ hasText: 'cancelled' }).waitFor();
  expect(await page.locator('[data-testid=design-card]').count()).toBe(1);
  await page.getByText('1 note from the reader').click();
  await page.getByText(/reading stopped after tables and text(, vector figures)?: the rest of the paper was not read/).waitFor();
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const stored = page.locator('[data-testid=library-paper]', { hasText: 'cancelled.pdf' });
  await stored.waitFor();
  expect(await stored.locator('[data-testid=library-design]').count()).toBe(1);
  expect(pageErrors).toEqual([]);
}, 300_000);

it('shows an architecture table’s designs as soon as its page is read, then updates those same cards in place', async () => {
  // Every card ever shown is watched from before the drop: how many there were at most, and which were provisional.
  await page.evaluate(() => {
    const seen = { most: 0, provisional: new Set<Element>() };
    Object.assign(window, { cardsSeen: seen });
    new MutationObserver(() => {
      const cards = document.querySelectorAll('[data-testid=design-card]');
      seen.most = Math.max(seen.most, cards.length);
      for (const card of cards) if (card.hasAttribute('data-provisional')) seen.provisional.add(card);
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await drop(new Uint8Array(readFileSync(join(CORPUS, 'pdf/vgg.pdf'))), 'vgg.pdf');
  const cards = page.locator('[data-testid=design-card]');
  // The notice that ends a reading (it goes after a few seconds: waited for from the drop on).
  await page
    .getByRole('status')
    .filter({ hasText: /\d+ designs? found in vgg\.pdf/ })
    .waitFor({ timeout: 180_000 });
  const count = await cards.count();
  expect(count).toBeGreaterThan(1);
  const seen = await page.evaluate(() => {
    const { most, provisional } = (window as unknown as { cardsSeen: { most: number; provisional: Set<Element> } }).cardsSeen;
    const shown = [...document.querySelectorAll('[data-testid=design-card]')];
    return { most, provisional: provisional.size, stillShown: [...provisional].filter((card) => shown.includes(card)).length };
  });
  // The provisional cards were shown, each is now the final design's card (the same element), and none was shown twice.
  expect(seen.provisional).toBeGreaterThan(0);
  expect(seen.stillShown).toBe(seen.provisional);
  expect(seen.most).toBe(count);
  expect(await page.locator('[data-testid=design-card][data-provisional]').count()).toBe(0);
  expect(await cards.getByRole('button', { name: 'Open in editor' }).count()).toBe(count);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const stored = page.locator('[data-testid=library-paper]', { hasText: 'vgg.pdf' });
  await stored.waitFor();
  expect(await stored.locator('[data-testid=library-design]').count()).toBe(count);
  expect(pageErrors).toEqual([]);
}, 300_000);
