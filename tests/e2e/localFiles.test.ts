/**
 * The app with no server behind its data, in real Chromium: a collection `paper2net batch` wrote, picked as a folder
 * (with one paper's PDF in it) and as a ZIP, browsed, a design opened in the editor and a paper in the paper view;
 * and several corpus PDFs, or a folder of them, dropped at once, read one after another into the library with each one's state shown.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionIndex } from '../../src/collection/index.ts';
import { buildApp, CORPUS, launchChromium, ROOT, serveApp } from './serveApp.ts';

const SHOTS = join(ROOT, 'test-artifacts/e2e');
const dir = mkdtempSync(join(tmpdir(), 'p2n-local-files-e2e-'));
const collection = join(dir, 'my-collection');
const damaged = join(dir, 'damaged.pdf');
let index: CollectionIndex;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
const pageErrors: string[] = [];

async function freshPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.getByText('Drop a paper here').waitFor({ timeout: 60_000 });
  return page;
}

/** Drops files on the window at once, as a person dragging a selection from the desktop would. */
async function dropAtOnce(page: Page, files: { path: string; name: string }[]): Promise<void> {
  const payload = files.map(({ path, name }) => ({ name, base64: readFileSync(path).toString('base64') }));
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of files) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    for (const kind of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/**
 * Drops a folder of this machine on the window through Chromium's own drag and drop (CDP Input.dispatchDragEvent with
 * its path), so the page gets a real directory entry to walk, as from a desktop; a DataTransfer made in the page can
 * only hold files.
 */
async function dropFolder(page: Page, path: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [path], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) await cdp.send('Input.dispatchDragEvent', { type, x: 720, y: 450, data });
  await cdp.detach();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(damaged, readFileSync(join(CORPUS, 'pdf/vgg.pdf')).subarray(0, 5000));
  const list = join(dir, 'papers.txt');
  writeFileSync(list, [join(CORPUS, 'pdf/vgg.pdf'), join(CORPUS, 'pdf/mxnet_squeezenet_graph.pdf'), 'damaged.pdf'].join('\n'));
  const batch = spawnSync(process.execPath, [join(ROOT, 'bin/paper2net.mjs'), 'batch', list, '--out', collection, '--no-bitmaps', '--zips'], {
    encoding: 'utf8',
  });
  if (batch.status !== 0) throw new Error(batch.stderr);
  index = JSON.parse(readFileSync(join(collection, 'index.json'), 'utf8')) as CollectionIndex;
  // The folder also holds one of its papers' PDFs (in a temporary folder, never in the repository).
  mkdirSync(join(collection, 'pdf'));
  copyFileSync(join(CORPUS, 'pdf/vgg.pdf'), join(collection, 'pdf/vgg.pdf'));
  buildApp();
  server = await serveApp();
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a collection picked from this machine', () => {
  let page: Page;
  const rows = () => page.locator('table[aria-label=Papers] tbody tr');
  const libraryPapers = () => page.locator('[data-testid=library-paper]');

  it('a picked folder shows every paper of its index.json, searchable and sortable', async () => {
    page = await freshPage();
    await page.locator('[data-testid=collection-folder-input]').setInputFiles(collection);
    await rows().first().waitFor({ timeout: 30_000 });
    expect(await rows().count()).toBe(index.papers.length);
    expect(await page.locator('.summary').textContent()).toContain(`${index.papers.length} papers, 1 not read · my-collection`);
    expect(await page.locator('tr.failed').textContent()).toContain(index.papers.find((p) => p.failure)!.failure);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('concat');
    await expect.poll(() => rows().count()).toBe(index.papers.filter((p) => 'Concat' in p.layerTypes).length);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await page.getByLabel('Sort by').selectOption('designs');
    const most = [...index.papers].sort((a, b) => b.designCount - a.designCount)[0]!;
    await expect.poll(() => rows().first().locator('button.title').textContent()).toBe(most.title);
  }, 120_000);

  it("a paper's page: its designs and code ZIPs from the folder; 'Open in editor' copies a design into the library", async () => {
    const squeeze = index.papers.find((p) => p.file === 'mxnet_squeezenet_graph.pdf')!;
    await page.getByRole('button', { name: squeeze.title }).click();
    const pane = page.getByRole('region', { name: 'Paper' });
    await pane.getByRole('heading', { name: `${squeeze.designCount} design` }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, '42-collection-picked.png') });
    // Its PDF is not in the folder: no paper view, what the collection holds is shown.
    expect(await pane.getByRole('button', { name: 'Open the paper' }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), pane.getByRole('button', { name: 'code (ZIP)' }).click()]);
    expect(download.suggestedFilename()).toBe(squeeze.zips![0]!.split('/').at(-1));
    expect(Object.keys((await JSZip.loadAsync(readFileSync((await download.path())!))).files)).toContain('graph.json');

    const design = JSON.parse(readFileSync(join(collection, squeeze.paper!), 'utf8')).designs[0] as { layers: { id: string }[]; name: string };
    await pane.getByTestId('open-in-editor').first().click();
    await expect
      .poll(() => page.locator('[data-testid=layer-node]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-layer-id')).sort()), {
        timeout: 90_000,
      })
      .toEqual(design.layers.map((l) => l.id).sort());
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await libraryPapers().filter({ hasText: design.name }).waitFor({ timeout: 30_000 });
  }, 180_000);

  it('a paper whose PDF is in the folder opens in the paper view with the designs the collection read, kept in the library', async () => {
    const vgg = index.papers.find((p) => p.file === 'vgg.pdf')!;
    await page.getByRole('button', { name: 'Collection', exact: true }).click();
    await page.getByRole('button', { name: vgg.title }).click();
    await page.getByRole('button', { name: 'Open the paper' }).click();
    await expect.poll(() => page.locator('[data-testid=design-card]').count(), { timeout: 60_000 }).toBe(vgg.designCount);
    await page.locator('.page canvas').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const paper = libraryPapers().filter({ hasText: 'vgg.pdf' });
    await paper.waitFor();
    expect(await paper.locator('[data-testid=library-design]').count()).toBe(vgg.designCount);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a ZIP of the folder, picked or dropped, opens the same collection; a folder without index.json says so', async () => {
    const zip = new JSZip();
    for (const entry of readdirSync(collection, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const path = join(entry.parentPath, entry.name);
      zip.file(`my-collection/${relative(collection, path)}`, readFileSync(path));
    }
    const zipPath = join(dir, 'my-collection.zip');
    writeFileSync(zipPath, await zip.generateAsync({ type: 'uint8array' }));
    await page.locator('[data-testid=collection-zip-input]').setInputFiles(zipPath);
    await expect
      .poll(() => page.locator('.summary').textContent(), { timeout: 30_000 })
      .toContain(`${index.papers.length} papers, 1 not read · my-collection.zip`);
    expect(await rows().count()).toBe(index.papers.length);

    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('[data-testid=collection-folder-input]').setInputFiles(join(collection, 'papers'));
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('papers: no index.json in it');

    // A collection's ZIP dropped alone opens it too.
    await dropAtOnce(page, [{ path: zipPath, name: 'my-collection.zip' }]);
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(index.papers.length);
    expect(await page.locator('.summary').textContent()).toContain('my-collection.zip');
    await page.context().close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

describe('many papers dropped at once', () => {
  it('reads them one after another into the library, each with its state; a damaged one fails with its reason', async () => {
    const page = await freshPage();
    const started = Date.now();
    await dropAtOnce(page, [
      { path: join(CORPUS, 'pdf/vgg.pdf'), name: 'vgg.pdf' },
      { path: join(CORPUS, 'pdf/plotneuralnet_vgg16.pdf'), name: 'plotneuralnet_vgg16.pdf' },
      { path: damaged, name: 'damaged.pdf' },
    ]);

    const queued = page.locator('[data-testid=queued-paper]');
    await expect.poll(() => queued.count()).toBe(3);
    // One at a time: the first is read while the others wait.
    await expect.poll(() => queued.evaluateAll((items) => items.map((i) => i.getAttribute('data-state')))).toEqual(['reading', 'queued', 'queued']);
    await page.screenshot({ path: join(SHOTS, '40-batch-reading.png') });
    await expect
      .poll(() => queued.evaluateAll((items) => items.map((i) => i.getAttribute('data-state'))), { timeout: 400_000, interval: 1000 })
      .toEqual(['done', 'done', 'failed']);
    console.log(`three papers dropped at once, read in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await page.screenshot({ path: join(SHOTS, '41-batch-done.png') });
    expect(await queued.nth(2).textContent()).toMatch(/damaged\.pdf\s*failed: cannot open this PDF \(.+\)/);

    for (const [i, name] of ['vgg.pdf', 'plotneuralnet_vgg16.pdf'].entries()) {
      const designs = Number((await queued.nth(i).textContent())!.match(/done: (\d+) design/)![1]);
      expect(designs).toBeGreaterThan(0);
      const paper = page.locator('[data-testid=library-paper]').filter({ hasText: name });
      await paper.waitFor({ timeout: 30_000 });
      expect(await paper.locator('[data-testid=library-design]').count()).toBe(designs);
    }
    expect(await page.locator('[data-testid=library-paper]').count()).toBe(2);
    await page.getByRole('button', { name: 'Clear list' }).click();
    expect(await queued.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 480_000);

  it('a dropped folder: its PDFs, those in its subfolders too, are read into the library; other files are left out', async () => {
    const folder = join(dir, 'dropped');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    copyFileSync(join(CORPUS, 'pdf/plotneuralnet_vgg16.pdf'), join(folder, 'sub/plotneuralnet_vgg16.pdf'));
    copyFileSync(damaged, join(folder, 'damaged.pdf'));
    writeFileSync(join(folder, 'notes.txt'), 'not a paper');
    const page = await freshPage();
    await dropFolder(page, folder);

    await expect.poll(() => page.getByRole('status').textContent()).toContain('2 papers queued to be read; 1 file that is not a PDF left out');
    const queued = page.locator('[data-testid=queued-paper]');
    const states = async () =>
      Object.fromEntries(await queued.evaluateAll((items) => items.map((i) => [i.querySelector('.name')!.textContent, i.getAttribute('data-state')])));
    await expect.poll(states, { timeout: 300_000, interval: 1000 }).toEqual({ 'plotneuralnet_vgg16.pdf': 'done', 'damaged.pdf': 'failed' });
    const read = queued.filter({ hasText: 'plotneuralnet_vgg16.pdf' });
    const designs = Number((await read.textContent())!.match(/done: (\d+) design/)![1]);
    expect(designs).toBeGreaterThan(0);
    const paper = page.locator('[data-testid=library-paper]').filter({ hasText: 'plotneuralnet_vgg16.pdf' });
    await paper.waitFor({ timeout: 30_000 });
    expect(await paper.locator('[data-testid=library-design]').count()).toBe(designs);
    expect(await page.locator('[data-testid=library-paper]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 360_000);

  it('cancelling stops the paper being read and the rest; nothing half-read is stored', async () => {
    const page = await freshPage();
    await dropAtOnce(
      page,
      ['vgg.pdf', 'resnet.pdf'].map((name) => ({ path: join(CORPUS, 'pdf', name), name })),
    );
    const queued = page.locator('[data-testid=queued-paper]');
    await expect.poll(() => queued.first().getAttribute('data-state')).toBe('reading');
    await page.getByRole('button', { name: 'Cancel the rest' }).click();
    await expect.poll(() => queued.evaluateAll((items) => items.map((i) => i.getAttribute('data-state')))).toEqual(['cancelled', 'cancelled']);
    expect(await page.locator('[data-testid=library-paper]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
