/**
 * App speed in headless Chromium against the production build: cold load, drop-to-first-design for
 * vgg.pdf, and edit-to-code latency on a 200-layer graph. Prints the figures (medians).
 * Run: `npx tsx bench/app.ts` (also called by `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp, CORPUS, launchChromium, serveApp } from '../tests/e2e/serveApp.ts';
import { residualGraph } from '../tests/support/residual-graph.ts';
import { median } from './lib/measure.ts';

const dropScript = ({ base64, name, type }: { base64: string; name: string; type: string }): void => {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name, { type }));
  for (const kind of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
};

/**
 * Edit → code, `count` times on the selected Conv2D, each made like an input event (a task between two
 * frames): the time to the first frame painted with the new Keras code (`median`, `max`), how many frames
 * that is (`frames`: 1 means the very next frame shows it), and the time until the code is ready in the
 * page (`readyMedian`, the app's own performance measure, painting not included).
 */
async function editToCode(page: Page, count: number): Promise<{ median: number; max: number; frames: number; maxFrames: number; readyMedian: number }> {
  const result = await page.evaluate(async (n) => {
    const code = document.querySelector('[data-testid=code-keras]')!;
    const painted: number[] = [];
    const frames: number[] = [];
    const ready: number[] = [];
    // (No named function values in here: the bench's TypeScript loader would wrap them in a helper the page lacks.)
    for (let i = 0; i < n; i++) {
      const value = String(40 + i);
      const field = document.querySelector<HTMLInputElement>('[data-testid=param-filters] input')!;
      const before = code.textContent;
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => setTimeout(r, 0));
      const started = performance.now();
      const counter = { frames: 0, counting: true };
      void (async () => {
        while (counter.counting) {
          await new Promise((r) => requestAnimationFrame(r));
          if (counter.counting) counter.frames++;
        }
      })();
      const changed = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (code.textContent !== before && code.textContent?.includes(value)) {
            observer.disconnect();
            resolve(counter.frames);
          }
        });
        observer.observe(code, { subtree: true, childList: true, characterData: true });
      });
      field.value = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      const framesBefore = await changed;
      // The code changed after `framesBefore` frames, so the next frame is the one that paints it.
      await new Promise((r) => requestAnimationFrame(r));
      counter.counting = false;
      painted.push(performance.now() - started);
      frames.push(framesBefore + 1);
      ready.push(performance.getEntriesByName('paper2net:edit-to-code').at(-1)!.duration);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { painted, frames, ready };
  }, count);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    median: round(median(result.painted)),
    max: round(Math.max(...result.painted)),
    frames: median(result.frames),
    maxFrames: Math.max(...result.frames),
    readyMedian: round(median(result.ready)),
  };
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

    const base64 = Buffer.from(JSON.stringify(residualGraph(200))).toString('base64');
    const tOpen = Date.now();
    await page.evaluate(dropScript, { base64, name: 'residual200.json', type: 'application/json' });
    await page.locator('[data-testid=layer-node]').first().waitFor();
    await page.locator('[data-testid=code-keras]', { hasText: 'b1_conv1' }).waitFor();
    figures.graph200OpenMs = Date.now() - tOpen;
    await page.locator('[data-layer-id="b1_conv1"]').click();

    const big = await editToCode(page, 15);
    figures.graph200EditToCodeMedianMs = big.median;
    figures.graph200EditToCodeMaxMs = big.max;
    figures.graph200EditToCodeFrames = big.frames;
    figures.graph200EditToCodeMaxFrames = big.maxFrames;
    figures.graph200EditToCodeReadyMedianMs = big.readyMedian;

    // The same on a design read from the paper (VGG A, ~20 layers): the everyday case.
    await page.goto(server.url);
    await page
      .locator('[data-testid=library-paper]', { hasText: 'vgg.pdf' })
      .locator('[data-testid=library-design]')
      .first()
      .getByRole('button')
      .first()
      .click();
    await page.locator('[data-testid=layer-node]', { hasText: 'Conv2D' }).first().click();
    const small = await editToCode(page, 15);
    figures.vggDesignEditToCodeMedianMs = small.median;
    figures.vggDesignEditToCodeMaxMs = small.max;
    figures.vggDesignEditToCodeFrames = small.frames;
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
