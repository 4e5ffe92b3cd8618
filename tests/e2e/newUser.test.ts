/**
 * The app tried as a new user would, on `npm run dev` with an empty dependency cache (the first run after
 * `npm install`): the first drop is not lost, a second paper shows its own pages, every region says what the
 * reader made of it, a region or a box drawn on a page can be read into a design, and the editor fits.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDev } from './devServer.ts';
import { CORPUS, launchChromium, ROOT } from './serveApp.ts';
import { PYTHON } from '../support/runtime.ts';

const SHOTS = join(ROOT, 'test-artifacts/e2e');
let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveDev>>;
let loads = 0;
const pageErrors: string[] = [];

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now: "rule: n nodes (first target)". */
async function seriousViolations(): Promise<string[]> {
  // Evaluated through the devtools protocol: the page's CSP (no inline scripts) does not apply.
  await page.evaluate(`${AXE};0`);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`);
  });
  return violations;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function downloadZip(): Promise<{ zip: JSZip; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download ZIP' }).click()]);
  return { zip: await JSZip.loadAsync(readFileSync((await download.path())!)), name: download.suggestedFilename() };
}

async function dropFile(path: string, name: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'application/pdf' }));
      for (const kind of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
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
    // A stored design (not a provisional one): the reading went through its first stage without a reload.
    await page.locator('[data-testid=design-card]:not([data-provisional])').first().waitFor({ timeout: 180_000 });
    expect(loads).toBe(1);
    expect(server.log.join('\n')).not.toMatch(/optimized dependencies changed|new dependencies optimized/);
  }, 300_000);

  it('shows the second paper its own pages, not the first paper’s', async () => {
    const vggFirst = await pagePixels(1);
    await dropFile(join(CORPUS, 'pdf/tikz_lenet5.pdf'), 'tikz_lenet5.pdf');
    // The heading comes once the worker has read the document; under the whole suite's load that can pass 30 s.
    await page.getByRole('heading', { name: /tikz lenet5/i }).waitFor({ timeout: 90_000 });
    await expect.poll(() => page.locator('.page').count()).toBe(1);
    expect(await pagePixels(1)).not.toBe(vggFirst);
  }, 120_000);

  it('says on each region what the reader made of it, and keeps the editor reachable when nothing was found', async () => {
    await page.getByText('No network design was recognised').waitFor({ timeout: 120_000 });
    const region = page.locator('.box.region').first();
    expect(await region.innerText()).toMatch(/figure read: \d+ layers, not convincing: /);
    expect(await page.getByRole('button', { name: 'Editor', exact: true }).isDisabled()).toBe(false);
    await region.click();
    const verdict = page.locator('[data-testid=place-verdict]');
    expect(await verdict.innerText()).toMatch(/not convincing/);
    await expect.poll(() => page.getByRole('button', { name: 'Read as figure' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: 'Editor', exact: true }).click();
    await page.getByRole('button', { name: 'New empty design' }).waitFor();
    await page.getByRole('button', { name: 'Paper', exact: true }).click();
    await page.waitForTimeout(800); // let the page paint for the screenshot
    await shot('20-paper-verdicts');
    expect(await seriousViolations()).toEqual([]);
  });

  it('reads a box drawn on a page of a paper with no design into a design in the editor, whose ZIP’s PyTorch runs', async () => {
    const region = await page.locator('.box.region').first().boundingBox();
    await page.getByRole('button', { name: 'Draw a box to read' }).click();
    await page.mouse.move(region!.x - 4, region!.y - 4);
    await page.mouse.down();
    await page.mouse.move(region!.x + region!.width / 2, region!.y + region!.height / 2, { steps: 4 });
    await page.mouse.move(region!.x + region!.width + 4, region!.y + region!.height + 4, { steps: 4 });
    await page.mouse.up();
    await page.locator('[data-testid=picked-place]', { hasText: 'Box on page 1' }).waitFor();
    await page.getByRole('button', { name: 'Read as figure' }).click();
    await expect.poll(() => page.locator('[data-testid=layer-node]').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    await shot('21-drawn-box-in-editor');
    const { zip } = await downloadZip();
    const graph = JSON.parse(await zip.file('graph.json')!.async('string'));
    expect(graph.source).toMatchObject({ page: 1, kind: 'figure' });
    const dir = mkdtempSync(join(tmpdir(), 'paper2net-e2e-'));
    try {
      writeFileSync(join(dir, 'model_pytorch.py'), await zip.file('pytorch/model_pytorch.py')!.async('string'));
      const out = execFileSync(PYTHON, ['model_pytorch.py'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(out).toMatch(/output \S+: \[1, \d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The reading is a design of that paper, listed with it.
    await page.getByRole('button', { name: 'Paper', exact: true }).click();
    expect(await page.locator('[data-testid=design-card]').count()).toBe(1);
  }, 180_000);

  it('opens a new empty design of the paper', async () => {
    await page.getByRole('button', { name: 'New empty design' }).click();
    await expect.poll(() => page.locator('[data-testid=layer-node]').count()).toBe(1);
    await page.getByRole('button', { name: 'Paper', exact: true }).click();
    expect(await page.locator('[data-testid=design-card]').count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('opens the paper already in the library when the same PDF is dropped again, whatever its file name', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const papers = await page.locator('[data-testid=library-paper]').count();
    await dropFile(join(CORPUS, 'pdf/vgg.pdf'), 'copy of vgg.pdf');
    await page.getByRole('status').filter({ hasText: 'already in the library' }).waitFor();
    await page.locator('[data-testid=design-card]').first().waitFor();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    expect(await page.locator('[data-testid=library-paper]').count()).toBe(papers);
  });
});

/** Every layer node lies inside the graph canvas (a few pixels of slack). */
async function graphInsideCanvas(): Promise<boolean> {
  const canvas = (await page.locator('.canvas').boundingBox())!;
  const boxes = await page.locator('[data-testid=layer-node]').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
  return (
    boxes.length > 0 &&
    boxes.every((b) => b.left >= canvas.x - 2 && b.right <= canvas.x + canvas.width + 2 && b.top >= canvas.y - 2 && b.bottom <= canvas.y + canvas.height + 2)
  );
}

describe('the editor fits the screen', () => {
  it('fits the graph in the visible canvas on open and again when the code pane is widened', async () => {
    await page.locator('[data-testid=library-design]', { hasText: 'Table 1: D' }).first().getByRole('button').first().click();
    await page.locator('[data-testid=layer-node]').first().waitFor();
    await expect.poll(graphInsideCanvas, { timeout: 10_000 }).toBe(true);
    await shot('22-editor-fitted');
    // The code pane stays inside the window: its buttons reachable, its lines wrapped.
    const zipButton = (await page.getByRole('button', { name: 'Download ZIP' }).boundingBox())!;
    expect(zipButton.x + zipButton.width).toBeLessThanOrEqual(1440);
    expect(await page.locator('[data-testid=code-keras]').evaluate((pre) => pre.scrollWidth <= pre.clientWidth + 1)).toBe(true);
    expect(await seriousViolations()).toEqual([]);
    const splitter = page.getByRole('separator', { name: 'Resize the inspector and code pane' });
    const bar = (await splitter.boundingBox())!;
    await page.mouse.move(bar.x + 2, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x - 300, bar.y + bar.height / 2, { steps: 6 });
    await page.mouse.up();
    expect((await page.locator('aside.right').boundingBox())!.width).toBeGreaterThan(700);
    await expect.poll(graphInsideCanvas, { timeout: 10_000 }).toBe(true);
  });

  it('puts a palette item where it is dropped, fed by the nearest free output above it', async () => {
    const last = page.locator('[data-testid=layer-node]').last();
    const lastId = await last.getAttribute('data-layer-id');
    const box = (await last.boundingBox())!;
    const pane = (await page.locator('.svelte-flow__pane').boundingBox())!;
    const target = { x: box.x + box.width / 2 - pane.x, y: Math.min(box.y + box.height + 60, pane.y + pane.height - 40) - pane.y };
    const before = await page.locator('[data-testid=layer-node]').count();
    await page.locator('[data-testid=palette] [data-layer-type=Dropout]').dragTo(page.locator('.svelte-flow__pane'), { targetPosition: target });
    await expect.poll(() => page.locator('[data-testid=layer-node]').count()).toBe(before + 1);
    const addedNode = page.locator('[data-testid=layer-node].selected');
    const addedId = await addedNode.getAttribute('data-layer-id');
    const added = (await addedNode.boundingBox())!;
    const centre = { x: added.x + added.width / 2 - pane.x, y: added.y + added.height / 2 - pane.y };
    expect(Math.hypot(centre.x - target.x, centre.y - target.y)).toBeLessThan(40);
    await page.getByRole('tab', { name: 'Graph JSON', exact: true }).click();
    const graph = JSON.parse(
      await page
        .locator('[data-testid=code-json]')
        .innerText()
        .then((t) => t.replace(/^\s*\d+/gm, '')),
    );
    const dropout = graph.layers.find((l: { id: string }) => l.id === addedId);
    expect(dropout.type).toBe('Dropout');
    expect(dropout.inputs).toEqual([lastId]);
  });

  it('says it is laying out a big imported graph, then shows it fitted', async () => {
    // The status may come and go between two polls: note what it said as it appears.
    await page.evaluate(() => {
      const seen = window as unknown as { layingOut?: string };
      new MutationObserver(() => {
        seen.layingOut ??= document.querySelector('[data-testid=laying-out]')?.textContent ?? undefined;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const started = Date.now();
    await page.locator('[data-testid=file-input]').setInputFiles(join(CORPUS, 'prototxt/densenet-caffe__DenseNet_121.prototxt'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { layingOut?: string }).layingOut), { timeout: 60_000 }).toMatch(/Laying out \d+ layers/);
    const layers = Number(/Laying out (\d+) layers/.exec((await page.evaluate(() => (window as unknown as { layingOut?: string }).layingOut))!)?.[1]);
    await page.locator('[data-testid=layer-node]').first().waitFor();
    await page.locator('[data-testid=laying-out]').waitFor({ state: 'detached', timeout: 60_000 });
    console.log(`open + lay out ${layers} layers: ${Date.now() - started} ms`);
    expect(layers).toBeGreaterThan(300);
    await shot('23-big-graph');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
