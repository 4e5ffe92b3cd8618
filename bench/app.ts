/**
 * App speed in headless Chromium against the production build: cold load, drop-to-first-design for
 * vgg.pdf, and edit-to-code latency on a 200-layer graph. Prints the figures (medians).
 * Run: `npx tsx bench/app.ts` (also called by `npm run bench`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Graph, Layer } from '../src/graph/index.ts';
import { buildApp, CORPUS, launchChromium, serveApp } from '../tests/e2e/serveApp.ts';
import { median } from './lib/measure.ts';


/** A residual conv net of exactly `count` layers (conv-bn-relu blocks with skip connections). */
export function residualGraph(count: number): Graph {
  const layers: Layer[] = [{ id: 'input', type: 'Input', params: { shape: [32, 32, 32] } }];
  let last = 'input';
  let block = 0;
  while (layers.length + 7 <= count) {
    block++;
    const b = `b${block}`;
    layers.push(
      { id: `${b}_conv1`, type: 'Conv2D', inputs: [last], params: { filters: 32, kernel: [3, 3], padding: 'same' } },
      { id: `${b}_bn1`, type: 'BatchNorm', inputs: [`${b}_conv1`] },
      { id: `${b}_relu1`, type: 'Activation', inputs: [`${b}_bn1`], params: { fn: 'relu' } },
      { id: `${b}_conv2`, type: 'Conv2D', inputs: [`${b}_relu1`], params: { filters: 32, kernel: [3, 3], padding: 'same' } },
      { id: `${b}_bn2`, type: 'BatchNorm', inputs: [`${b}_conv2`] },
      { id: `${b}_add`, type: 'Add', inputs: [`${b}_bn2`, last] },
      { id: `${b}_out`, type: 'Activation', inputs: [`${b}_add`], params: { fn: 'relu' } },
    );
    last = `${b}_out`;
  }
  layers.push({ id: 'pool', type: 'GlobalAvgPool2D', inputs: [last] });
  while (layers.length < count - 1) layers.push({ id: `fc${layers.length}`, type: 'Dense', inputs: [layers.at(-1)!.id], params: { units: 64, activation: 'relu' } });
  layers.push({ id: 'logits', type: 'Dense', inputs: [layers.at(-1)!.id], params: { units: 10, activation: 'softmax' } });
  return { format: 'paper2net.graph/1', name: `residual${count}`, layers };
}

const dropScript = ({ base64, name, type }: { base64: string; name: string; type: string }): void => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name, { type }));
  for (const kind of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
};

/**
 * Edit → code, `count` times on the selected Conv2D: from the inspector's change event to the first frame
 * painted with the new Keras code (`median`, `max`), and to the code being ready in the page
 * (`readyMedian`, the app's own performance measure: worker round trip included, painting not).
 */
async function editToCode(page: Page, count: number): Promise<{ median: number; max: number; readyMedian: number }> {
  const result = await page.evaluate(async (n) => {
    const code = document.querySelector('[data-testid=code-keras]')!;
    const painted: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < n; i++) {
      const value = String(40 + i);
      const field = document.querySelector<HTMLInputElement>('[data-testid=param-filters] input')!;
      const before = code.textContent;
      const started = performance.now();
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (code.textContent !== before && code.textContent?.includes(value)) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(code, { subtree: true, childList: true, characterData: true });
      });
      field.value = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      await changed;
      await new Promise((r) => requestAnimationFrame(() => r(undefined)));
      painted.push(performance.now() - started);
      ready.push(performance.getEntriesByName('paper2net:edit-to-code').at(-1)!.duration);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { painted, ready };
  }, count);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { median: round(median(result.painted)), max: round(Math.max(...result.painted)), readyMedian: round(median(result.ready)) };
}

export async function benchApp(): Promise<Record<string, number>> {
  buildApp();
  const server = await serveApp();
  const browser = await launchChromium();
  const figures: Record<string, number> = {};
  try {
    // Cold load: a fresh profile each time (no HTTP cache, no service worker), until the library is interactive.
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(server.url);
      await page.getByText('Drop a paper here').waitFor();
      cold.push(Date.now() - t0);
      await context.close();
    }
    figures.coldLoadMs = median(cold);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByText('Drop a paper here').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.reload();
      await page.getByText('Drop a paper here').waitFor();
      warm.push(Date.now() - t0);
    }
    figures.warmLoadMs = median(warm);

    const vgg = readFileSync(join(CORPUS, 'pdf/vgg.pdf')).toString('base64');
    const t0 = Date.now();
    await page.evaluate(dropScript, { base64: vgg, name: 'vgg.pdf', type: 'application/pdf' });
    await page.locator('[data-testid=design-card]').first().waitFor({ timeout: 300_000 });
    figures.vggDropToFirstDesignMs = Date.now() - t0;
    figures.vggDesigns = await page.locator('[data-testid=design-card]').count();

    const graph = residualGraph(200);
    const dir = mkdtempSync(join(tmpdir(), 'paper2net-bench-'));
    writeFileSync(join(dir, 'residual200.json'), JSON.stringify(graph));
    const base64 = readFileSync(join(dir, 'residual200.json')).toString('base64');
    rmSync(dir, { recursive: true });
    const tOpen = Date.now();
    await page.evaluate(dropScript, { base64, name: 'residual200.json', type: 'application/json' });
    await page.locator('[data-testid=layer-node]').first().waitFor();
    await page.locator('[data-testid=code-keras]', { hasText: 'b1_conv1' }).waitFor();
    figures.graph200OpenMs = Date.now() - tOpen;
    await page.locator('[data-layer-id="b1_conv1"]').click();

    const big = await editToCode(page, 15);
    figures.graph200EditToCodeMedianMs = big.median;
    figures.graph200EditToCodeMaxMs = big.max;
    figures.graph200EditToCodeReadyMedianMs = big.readyMedian;

    // The same on a design read from the paper (VGG A, ~20 layers): the everyday case.
    await page.goto(server.url);
    await page.locator('[data-testid=library-paper]', { hasText: 'vgg.pdf' }).locator('[data-testid=library-design]').first().getByRole('button').first().click();
    await page.locator('[data-testid=layer-node]', { hasText: 'Conv2D' }).first().click();
    const small = await editToCode(page, 15);
    figures.vggDesignEditToCodeMedianMs = small.median;
    figures.vggDesignEditToCodeMaxMs = small.max;
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const figures = await benchApp();
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(30)} ${value}`);
}
