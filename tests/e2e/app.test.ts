/**
 * The app end to end in real Chromium: drop a real paper, edit a design, see the code follow, export a
 * ZIP, find the edit after a reload, and load the app with the network off. Screenshots of every step go
 * to test-artifacts/e2e/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, CORPUS, launchChromium, ROOT, serveApp, serveStatic } from './serveApp.ts';

const SHOTS = join(ROOT, 'test-artifacts/e2e');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: { url: string; close: () => Promise<void> };
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Drops a file on the window the way a person dragging it from the desktop would. */
async function dropFile(path: string, name: string, type: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { base64, name, type },
  );
}

async function codeText(tab: 'Keras' | 'PyTorch' | 'Caffe'): Promise<string> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  const id = { Keras: 'keras', PyTorch: 'pytorch', Caffe: 'caffe' }[tab];
  return page.locator(`[data-testid=code-${id}]`).innerText();
}

async function downloadZip(): Promise<JSZip> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download ZIP' }).click()]);
  return JSZip.loadAsync(readFileSync((await download.path())!));
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildApp();
  server = await serveApp();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('paper2net app in Chromium', () => {
  let filtersBefore = 0;
  let editedLayer = '';
  const newFilters = 77;

  it('loads cross-origin isolated with its service worker and an empty library', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
    await page.getByText('Drop a paper here').waitFor();
    await shot('01-empty-library');
  });

  it('runs onnxruntime-web in the pipeline worker with more than one thread when isolated', async () => {
    const badge = page.locator('[data-testid=threads-badge]');
    await badge.click();
    await expect.poll(() => badge.innerText(), { timeout: 60_000 }).toMatch(/onnxruntime (ok|failed)/);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    expect(await badge.innerText()).toMatch(cores > 1 ? /onnxruntime ok · [2-4] threads/ : /onnxruntime ok · 1 thread/);
  });

  it('cancels reading a paper: the worker stops and nothing is stored', async () => {
    await dropFile(join(CORPUS, 'pdf/vgg.pdf'), 'vgg.pdf', 'application/pdf');
    await page.getByRole('button', { name: 'Cancel' }).first().click();
    await page.getByRole('status').filter({ hasText: 'cancelled' }).waitFor();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    expect(await page.locator('[data-testid=library-paper]').count()).toBe(0);
  });

  it('reads vgg.pdf dropped on the window and lists its designs', async () => {
    await dropFile(join(CORPUS, 'pdf/vgg.pdf'), 'vgg.pdf', 'application/pdf');
    // A card no longer provisional: the first stage has ended, its designs are stored and can be opened.
    await page.locator('[data-testid=design-card]:not([data-provisional])').first().waitFor({ timeout: 240_000 });
    await page.locator('.page canvas').first().waitFor();
    await page.waitForTimeout(1500); // let the visible pages paint for the screenshot
    await shot('02-paper-designs');
    expect(await page.locator('[data-testid=design-card]').count()).toBeGreaterThan(0);
  });

  it('opens a design and edits a Conv2D filters param; Keras and PyTorch code follow', async () => {
    const cards = page.locator('[data-testid=design-card]');
    const count = await cards.count();
    for (let i = 0; i < count; i++) {
      await cards.nth(i).getByRole('button', { name: 'Open in editor' }).click();
      await page.locator('[data-testid=layer-node]').first().waitFor();
      if ((await page.locator('[data-testid=layer-node]', { hasText: 'Conv2D' }).count()) > 0) break;
      await page.getByRole('button', { name: 'Paper', exact: true }).click();
    }
    const conv = page.locator('[data-testid=layer-node]', { hasText: 'Conv2D' }).first();
    editedLayer = (await conv.getAttribute('data-layer-id'))!;
    await shot('03-editor');
    await conv.click();
    const filters = page.locator('[data-testid=param-filters] input');
    filtersBefore = Number(await filters.inputValue());
    const kerasBefore = await codeText('Keras');
    const torchBefore = await codeText('PyTorch');
    await filters.fill(String(newFilters));
    await filters.press('Enter');
    await expect.poll(() => codeText('Keras')).not.toBe(kerasBefore);
    expect(await codeText('Keras')).toContain(String(newFilters));
    await expect.poll(() => codeText('PyTorch')).not.toBe(torchBefore);
    expect(await codeText('PyTorch')).toContain(String(newFilters));
    expect(filtersBefore).not.toBe(newFilters);
    await shot('04-filters-edited');
  });

  it('adds a layer by dragging it from the palette', async () => {
    const before = await page.locator('[data-testid=layer-node]').count();
    await page.locator('[data-testid=palette] [data-layer-type=Dropout]').dragTo(page.locator('.svelte-flow__pane'), { targetPosition: { x: 60, y: 60 } });
    await expect.poll(() => page.locator('[data-testid=layer-node]').count()).toBe(before + 1);
    await shot('05-layer-added');
  });

  it('downloads a ZIP with graph.json, every target and a README (VGG gets placeholder weights: seeded ones are too big for a tab)', async () => {
    const files = await downloadZip();
    const names = Object.keys(files.files);
    expect(names).toEqual(
      expect.arrayContaining([
        'graph.json',
        'README.md',
        'keras/model_keras.py',
        'keras/model.json',
        'pytorch/model_pytorch.py',
        'caffe/deploy.prototxt',
        'caffe/netspec.py',
        'onnx/model.onnx',
      ]),
    );
    const graph = JSON.parse(await files.file('graph.json')!.async('string'));
    expect(graph.layers.find((l: { id: string }) => l.id === editedLayer).params.filters).toBe(newFilters);
    expect(graph.layers.some((l: { type: string }) => l.type === 'Dropout')).toBe(true);
    expect(await files.file('keras/model_keras.py')!.async('string')).toContain(String(newFilters));
    // 130 M+ weights: no .caffemodel, an ONNX file of kilobytes, and the app says why.
    expect(names.some((n) => n.endsWith('.caffemodel'))).toBe(false);
    expect((await files.file('onnx/model.onnx')!.async('uint8array')).length).toBeLessThan(64 * 1024);
    expect(await files.file('caffe/deploy.prototxt')!.async('string')).toContain(`num_output: ${newFilters}`);
    await page.getByRole('status').filter({ hasText: 'placeholder weights' }).waitFor();
  });

  it('finds the edited design in the library after a reload', async () => {
    await page.waitForTimeout(600); // autosave is debounced by 250 ms
    await page.reload();
    const edited = page.locator('[data-testid=library-design]', { hasText: 'edited' });
    await edited.first().waitFor();
    await shot('06-library-after-reload');
    await edited.first().getByRole('button').first().click();
    await page.locator(`[data-layer-id="${editedLayer}"]`).click();
    expect(Number(await page.locator('[data-testid=param-filters] input').inputValue())).toBe(newFilters);
  });

  it('opens a Caffe prototxt directly and its ZIP holds every target, with weights', async () => {
    await page.locator('[data-testid=file-input]').setInputFiles(join(CORPUS, 'prototxt/caffe__examples_mnist_lenet.prototxt'));
    // Wait for LeNet itself: layer nodes and Caffe code were already on screen for the VGG design.
    await page.locator('[data-testid=layer-node][data-layer-id=ip2]').waitFor();
    await expect.poll(() => codeText('Caffe')).toContain('name: "LeNet"');
    await shot('07-model-file');
    const files = await downloadZip();
    expect(JSON.parse(await files.file('graph.json')!.async('string')).name).toBe('LeNet');
    const names = Object.keys(files.files);
    expect(names).toEqual(
      expect.arrayContaining([
        'graph.json',
        'README.md',
        'keras/model_keras.py',
        'pytorch/model_pytorch.py',
        'caffe/deploy.prototxt',
        'caffe/weights.caffemodel',
        'onnx/model.onnx',
      ]),
    );
  });

  it('keeps ratings and notes across a reload, searches by title and exports the library as one JSON file', async () => {
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const design = page.locator('[data-testid=library-design]', { hasText: 'edited' }).first();
    await design.getByRole('radio', { name: '4 stars' }).click();
    await design.getByRole('textbox').fill('filters changed to 77 for the e2e test');
    await design.getByRole('textbox').blur();
    // Reload only once the note is in IndexedDB: a write still under way on a loaded machine would be lost.
    const storedNotes = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('paper2net');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction('designs').objectStore('designs').getAll();
              all.onsuccess = () => {
                resolve((all.result as { note?: string }[]).map((d) => d.note ?? ''));
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(storedNotes).toContain('filters changed to 77 for the e2e test');
    await page.reload();
    const again = page.locator('[data-testid=library-design]', { hasText: 'edited' }).first();
    await expect.poll(() => again.getByRole('radio', { name: '4 stars' }).getAttribute('aria-checked')).toBe('true');
    expect(await again.getByRole('textbox').inputValue()).toBe('filters changed to 77 for the e2e test');
    await page.getByRole('searchbox', { name: 'Search by title' }).fill('lenet');
    await expect.poll(() => page.locator('[data-testid=library-paper]').count()).toBe(1);
    expect(await page.locator('[data-testid=library-paper]').innerText()).toContain('LeNet');
    await page.getByRole('searchbox', { name: 'Search by title' }).fill('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export library' }).click()]);
    const library = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(library.format).toBe('paper2net.library/1');
    expect(library.papers.length).toBe(2);
    expect(library.designs.find((d: { note: string }) => d.note.includes('77')).rating).toBe(4);
    await shot('08-library-rated');
  });

  it('loads again with the network off', async () => {
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-testid=library-design]').first().waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await shot('09-offline');
    await context.setOffline(false);
    expect(pageErrors).toEqual([]);
  });
});

describe('deployed on a static host that sends no headers', () => {
  it('becomes cross-origin isolated after its service worker takes over (one automatic reload)', async () => {
    const host = await serveStatic();
    const fresh = await browser.newContext();
    try {
      const tab = await fresh.newPage();
      await tab.goto(host.url);
      // The first visit is not isolated; the service worker takes over and the page reloads itself once.
      await expect.poll(() => tab.evaluate(() => self.crossOriginIsolated).catch(() => false), { timeout: 60_000 }).toBe(true);
      expect(await tab.evaluate(() => sessionStorage.getItem('paper2net:isolation-reload'))).toBe('1');
      await tab.getByText('Drop a paper here').waitFor();
    } finally {
      await fresh.close();
      await host.close();
    }
  });
});
