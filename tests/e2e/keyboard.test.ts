/**
 * The app by keyboard alone, in real Chromium on the production build: open a model file, select a layer on the
 * canvas, cut and restore one of its inputs, change one of its parameters and download the design's ZIP — Tab,
 * Enter, arrows and typing only, with a visible focus on every element the walk passes. axe-core on the library
 * and on the editor.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, CORPUS, launchChromium, serveApp } from './serveApp.ts';

let browser: Browser;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const pageErrors: string[] = [];
/** Focused elements the walk met that showed no focus indicator. */
const unseenFocus: string[] = [];

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  buildApp();
  server = await serveApp();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The focused element: a short description, and whether an outline or a shadow shows where the focus is. */
function focused(): Promise<{ text: string; visible: boolean; tag: string }> {
  return page.evaluate(() => {
    const at = document.activeElement as HTMLElement | null;
    if (!at || at === document.body) return { text: 'body', visible: true, tag: 'body' };
    const style = getComputedStyle(at);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const name = at.getAttribute('aria-label') ?? at.textContent?.trim().slice(0, 40) ?? '';
    const id = at.id ? `#${at.id}` : '';
    return { text: `${at.tagName.toLowerCase()}${id}${at.className ? `.${String(at.className).split(' ')[0]}` : ''} "${name}"`, visible, tag: at.tagName };
  });
}

/** Presses Tab until the focused element matches, noting every stop that shows no focus; fails after `limit` stops. */
async function tabTo(matches: (text: string) => boolean, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused();
    if (!now.visible) unseenFocus.push(now.text);
    if (matches(now.text)) return;
  }
  throw new Error(`no focus stop matched within ${limit} Tabs (last: ${(await focused()).text})`);
}

/** axe-core's serious and critical violations on the page as it is now: "rule: n nodes (first target)". */
async function seriousViolations(): Promise<string[]> {
  // Evaluated through the devtools protocol: the page's CSP (no inline scripts) does not apply.
  await page.evaluate(`${AXE};0`);
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`);
  });
}

describe('the app by keyboard alone', () => {
  it('opens a model file, selects a layer, edits a parameter and downloads the ZIP', async () => {
    await page.goto(server.url);
    await page.getByText('Drop a paper here').waitFor();
    expect(await seriousViolations()).toEqual([]);
    // Asked for before the walk: Playwright intercepts file choosers only some time after the first listener.
    const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
    await tabTo((t) => t.includes('Open paper or model'));
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(join(CORPUS, 'prototxt/caffe__examples_mnist_lenet.prototxt'));
    await page.locator('[data-testid=layer-node]').first().waitFor({ timeout: 90_000 });

    // A layer of the canvas: Tab reaches the nodes, Enter selects the focused one. (Nodes stay hidden, so out of the
    // Tab order, until the canvas has measured them: on a loaded machine that comes after the first node is drawn.)
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.svelte-flow__node')].some((n) => getComputedStyle(n).visibility !== 'hidden' && n.getAttribute('tabindex') !== null),
      undefined,
      { timeout: 90_000 },
    );
    await tabTo((t) => t.startsWith('div') && t.includes('"Conv2D conv1,'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('input.layer-name').inputValue()).toBe('conv1');

    // Wiring without a mouse: cut conv1's input, then add it back from the inspector's list.
    await tabTo((t) => t.includes('Disconnect data from conv1'), 40);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.svelte-flow__edge[aria-label="Edge from data to conv1"]').count()).toBe(0);
    await tabTo((t) => t.includes('Add an input to conv1'), 40);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.svelte-flow__edge[aria-label="Edge from data to conv1"]').count()).toBe(1);

    // Its filters (num_output) in the inspector: typed, then Tab away commits it.
    await tabTo((t) => t.startsWith('input#p-filters'));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('24');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('[data-testid=layer-node][data-layer-id=conv1]').innerText()).toContain('24');

    await tabTo((t) => t.includes('Download ZIP'));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.keyboard.press('Enter')]);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const graph = JSON.parse(await zip.file('graph.json')!.async('string')) as { layers: Array<{ id: string; params?: Record<string, unknown> }> };
    expect(graph.layers.find((l) => l.id === 'conv1')?.params?.filters).toBe(24);

    expect(unseenFocus).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('has no serious or critical axe-core violations in the editor, a layer selected', async () => {
    expect(await seriousViolations()).toEqual([]);
  }, 60_000);
});
