/**
 * The paper view in Chromium against the production build: a design card says how many of the sizes the paper
 * states its shapes reach, each open question shows its place in the paper, and a box can be drawn on a page
 * and read with the keyboard alone.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, CORPUS, launchChromium, ROOT, serveApp } from './serveApp.ts';

const SHOTS = join(ROOT, 'test-artifacts/e2e');

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const pageErrors: string[] = [];

async function dropPaper(name: string): Promise<void> {
  const base64 = readFileSync(join(CORPUS, 'pdf', name)).toString('base64');
  await page.evaluate(
    ({ base64, name }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'application/pdf' }));
      for (const kind of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { base64, name },
  );
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildApp();
  server = await serveApp();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.getByText('Drop a paper here').waitFor();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('says how many stated sizes a design agrees with, and shows an open question’s place in the paper', async () => {
  await dropPaper('mobilenet_v1.pdf');
  const card = page.locator('[data-testid=design-card]', { hasText: 'Table 1' }).first();
  await card.waitFor({ timeout: 180_000 });
  expect(await card.locator('[data-testid=design-sizes]').innerText()).toMatch(/^agrees with (\d+) of \1 sizes the paper states$/);
  await page.getByRole('status').filter({ hasText: 'Reading the paper' }).waitFor({ state: 'detached', timeout: 180_000 });
  await page.locator('.pages').evaluate((pages) => pages.scrollTo({ top: 0 }));
  await card.locator('[data-testid=design-questions] summary').click();
  const question = card.getByRole('button', { name: /contradicts the sizes the table states/ });
  const where = Number(/p\. (\d+)$/.exec((await question.innerText()).trim())?.[1]);
  await question.click();
  const mark = page.locator(`[data-page="${where}"] .box.mark`);
  await mark.waitFor();
  expect(await mark.getAttribute('aria-label')).toMatch(/contradicts the sizes the table states/);
  // Scrolled to: the highlighted place is inside the visible part of the pages.
  const inView = async () => {
    const box = (await mark.boundingBox())!;
    const pane = (await page.locator('.pages').boundingBox())!;
    return box.y >= pane.y - 1 && box.y < pane.y + pane.height;
  };
  await expect.poll(inView, { timeout: 10_000 }).toBe(true);
  await page.waitForTimeout(1200); // the pages paint and the highlight settles, for the screenshot
  await page.screenshot({ path: join(SHOTS, '30-paper-sizes-question.png') });
  // The editor says the same, and its open questions lead back to the paper too.
  await card.getByRole('button', { name: 'Open in editor' }).click();
  expect(await page.locator('[data-testid=graph-sizes]').innerText()).toMatch(/^agrees with (\d+) of \1 sizes the paper states$/);
  await page.locator('[data-testid=layer-node]').first().waitFor();
  await page.locator('[data-testid=editor-questions] summary').click();
  await page.waitForTimeout(800); // the fitted view settles, for the screenshot
  await page.screenshot({ path: join(SHOTS, '33-editor-sizes.png') });
  await page
    .locator('[data-testid=editor-questions]')
    .getByRole('button', { name: /contradicts the sizes the table states/ })
    .click();
  await mark.waitFor();
  expect(pageErrors).toEqual([]);
}, 400_000);

it('draws a box on a page with the keyboard alone and reads it into a design', async () => {
  await dropPaper('tikz_lenet5.pdf');
  await page.getByText('No network design was recognised').waitFor({ timeout: 180_000 });
  await page.getByRole('button', { name: 'Draw a box to read' }).focus();
  await page.keyboard.press('Enter');
  // The page in view takes the focus.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('draw-layer');
  await page.keyboard.press('b');
  // Up to the top-left corner, then grown to the whole page.
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowUp');
  for (let i = 0; i < 60; i++) await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 90; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.screenshot({ path: join(SHOTS, '31-keyboard-box.png') });
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=picked-place]', { hasText: 'Box on page 1' }).waitFor();
  // The picked place has the focus: Tab to "Read as figure", Enter.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Read as table');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Read as figure');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('[data-testid=layer-node]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
  expect(pageErrors).toEqual([]);
}, 300_000);
