/**
 * The library cannot be corrupted, in real Chromium with real IndexedDB: a library file with one bad record
 * is refused with its reason and changes nothing; a second tab's stale save is refused and said; deleting a
 * paper whose design has an autosave pending leaves no orphan; damaged stored records are listed with their
 * reasons, left out of library exports, exported apart and deleted; a save or a file the browser refuses (storage
 * full) is shown, the save retried until it lands; the app asks for persistent storage; a newer version opening
 * the database is said.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, launchChromium, serveApp } from './serveApp.ts';

let browser: Browser;
let context: BrowserContext;
let tabA: Page;
let tabB: Page;
let server: { url: string; close: () => Promise<void> };
const pageErrors: string[] = [];

const graph = (name: string) => ({
  format: 'paper2net.graph/1',
  name,
  layers: [
    { id: 'input', type: 'Input', params: { shape: [8] } },
    { id: 'fc', type: 'Dense', inputs: ['input'], params: { units: 4 } },
  ],
});
const paper = { id: 'p1', title: 'Tiny model', fileName: 'tiny.prototxt', kind: 'model', addedAt: 1000, regions: [], warnings: [] };
const design = (id: string, name: string) => ({ id, paperId: 'p1', original: graph(name), graph: graph(name), rating: 0, note: '', edits: [], updatedAt: 1 });
const libraryFile = (designs: unknown[]) => JSON.stringify({ format: 'paper2net.library/1', exportedAt: '2026-01-01T00:00:00Z', papers: [paper], designs });

async function importLibrary(page: Page, name: string, text: string): Promise<void> {
  await page.locator('[data-testid=library-import-input]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

/** Stored design records, read straight from IndexedDB. */
function storedDesigns(page: Page): Promise<Array<{ id: string; paperId: string; note: string; graph: ReturnType<typeof graph> }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('paper2net');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('designs').objectStore('designs').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
}

beforeAll(async () => {
  buildApp();
  server = await serveApp();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  tabA = await context.newPage();
  tabB = await context.newPage();
  for (const tab of [tabA, tabB]) {
    tab.on('pageerror', (error) => pageErrors.push(error.message));
    tab.on('dialog', (dialog) => void dialog.accept());
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('library in Chromium', () => {
  it('refuses a library file with one bad record, naming it, and changes nothing', async () => {
    await tabA.goto(server.url);
    await tabA.getByText('Drop a paper here').waitFor();
    const nameless = design('d2', 'x') as { graph: Record<string, unknown> };
    delete nameless.graph.name;
    await importLibrary(tabA, 'bad.json', libraryFile([design('d1', 'Tiny net'), nameless]));
    await tabA.getByRole('alert').filter({ hasText: 'design #2: design "d2": graph: graph "name" must be a string' }).waitFor();
    expect(await tabA.locator('[data-testid=library-paper]').count()).toBe(0);
    expect(await storedDesigns(tabA)).toEqual([]);
  });

  it('imports a sound library file', async () => {
    await importLibrary(tabA, 'good.json', libraryFile([design('d1', 'Tiny net')]));
    await tabA.locator('[data-testid=library-design]', { hasText: 'Tiny net' }).waitFor();
  });

  it('tells the second tab its save would overwrite the first tab’s newer version, and keeps the newer one', async () => {
    await tabB.goto(server.url);
    await tabB.locator('[data-testid=library-design]').getByRole('button', { name: 'Tiny net' }).click();
    await tabB.locator('[data-testid=layer-node][data-layer-id=fc]').click();
    const note = tabA.locator('[data-testid=library-design]').getByRole('textbox');
    await note.fill('from tab A');
    await note.blur();
    await expect.poll(async () => (await storedDesigns(tabA))[0]?.note).toBe('from tab A');
    await tabB.locator('[data-testid=param-units] input').fill('9');
    await tabB.locator('[data-testid=param-units] input').press('Enter');
    await tabB.getByRole('alert').filter({ hasText: 'changed in another tab' }).first().waitFor();
    await tabB.waitForTimeout(600);
    expect((await storedDesigns(tabA))[0]!.note).toBe('from tab A');
  });

  it('deletes a paper whose design has an autosave pending without leaving an orphan design', async () => {
    await tabB.close();
    await tabA.reload();
    await tabA.locator('[data-testid=library-design]').getByRole('button', { name: 'Tiny net' }).click();
    await tabA.locator('[data-testid=layer-node][data-layer-id=fc]').click();
    await tabA.locator('[data-testid=param-units] input').fill('11');
    await tabA.locator('[data-testid=param-units] input').press('Enter');
    await tabA.getByRole('button', { name: 'Library', exact: true }).click();
    await tabA.getByRole('button', { name: 'Delete Tiny model' }).click();
    await expect.poll(() => tabA.locator('[data-testid=library-paper]').count()).toBe(0);
    await tabA.waitForTimeout(800); // past the 250 ms autosave debounce
    expect(await storedDesigns(tabA)).toEqual([]);
    await tabA.reload();
    await tabA.getByText('Drop a paper here').waitFor();
    expect(await tabA.locator('[data-testid=library-damaged-records]').count()).toBe(0);
  });

  it('lists damaged stored records with their reasons, leaves them out of exports, exports and deletes them apart', async () => {
    await importLibrary(tabA, 'good.json', libraryFile([design('d1', 'Tiny net')]));
    await tabA.locator('[data-testid=library-design]').first().waitFor();
    // Written behind the app's back, as an older version or a crash half-way could have left them.
    await tabA.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('paper2net');
          open.onsuccess = () => {
            const tx = open.result.transaction(['papers', 'designs'], 'readwrite');
            tx.objectStore('designs').put({ id: 'broken', paperId: 'p1', graph: { layers: [] } });
            tx.objectStore('designs').put({ id: 'orphan', paperId: 'gone', original: {}, graph: {} });
            tx.objectStore('papers').put({ id: 'p-bad', kind: 'pdf' });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await tabA.reload();
    const banner = tabA.locator('[data-testid=library-damaged-records]');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('3 damaged records');
    expect(await banner.innerText()).toContain('paper "p-bad" has no title');
    await tabA.locator('[data-testid=library-design]', { hasText: 'Tiny net' }).waitFor();
    const exported = JSON.parse(await download(tabA, 'Export library')) as { papers: Array<{ id: string }>; designs: Array<{ id: string }> };
    expect(exported.papers.map((p) => p.id)).toEqual(['p1']);
    expect(exported.designs.map((d) => d.id)).toEqual(['d1']);
    const damaged = JSON.parse(await download(tabA, 'Export damaged records')) as { damaged: Array<{ record: { id: string } }> };
    expect(damaged.damaged.map((d) => d.record.id).sort()).toEqual(['broken', 'orphan', 'p-bad']);
    await tabA.getByRole('button', { name: 'Delete damaged records' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect((await storedDesigns(tabA)).map((d) => d.id)).toEqual(['d1']);
  });

  it('shows a save or a file the browser refuses for lack of space, and retries the save until it lands', async () => {
    // Storage full: every paper or design write throws QuotaExceededError while window.quotaFull is set.
    const setQuotaFull = (full: boolean) => tabA.evaluate((value) => ((window as unknown as { quotaFull: boolean }).quotaFull = value), full);
    await tabA.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((window as unknown as { quotaFull: boolean }).quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await setQuotaFull(true);
    await tabA.locator('[data-testid=library-design]').getByRole('button', { name: 'Tiny net' }).click();
    await tabA.locator('[data-testid=layer-node][data-layer-id=fc]').click();
    await tabA.locator('[data-testid=param-units] input').fill('13');
    await tabA.locator('[data-testid=param-units] input').press('Enter');
    const notSaved = tabA.getByRole('alert').filter({ hasText: 'Not saved: The quota has been exceeded.' });
    await notSaved.waitFor();
    expect((await storedDesigns(tabA))[0]!.graph.layers[1]!.params.units).toBe(4);
    await setQuotaFull(false);
    // The editor retries a failed save every 5 s.
    await expect.poll(async () => (await storedDesigns(tabA))[0]!.graph.layers[1]!.params.units, { timeout: 20_000 }).toBe(13);
    await expect.poll(() => notSaved.count()).toBe(0);
    // A model file opened while storage is full is refused in words, not dropped.
    await setQuotaFull(true);
    const prototxt = 'name: "tiny2"\ninput: "data"\ninput_shape { dim: 1 dim: 4 }\nlayer { name: "fc" type: "ReLU" bottom: "data" top: "fc" }\n';
    await tabA.locator('[data-testid=file-input]').setInputFiles({ name: 'tiny2.prototxt', mimeType: 'text/plain', buffer: Buffer.from(prototxt) });
    await tabA.getByRole('alert').filter({ hasText: 'tiny2.prototxt: The quota has been exceeded.' }).waitFor();
    await setQuotaFull(false);
    expect((await storedDesigns(tabA)).map((d) => d.id)).toEqual(['d1']);
  });

  it('asks the browser to keep the library under storage pressure (navigator.storage.persist)', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const counter = window as unknown as { persistAsked: number };
      counter.persistAsked = 0;
      navigator.storage.persist = () => {
        counter.persistAsked++;
        return Promise.resolve(true);
      };
    });
    await page.goto(server.url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked), { timeout: 30_000 }).toBe(1);
    await page.close();
  });

  it('says so when a newer version of the app opens the database in another tab', async () => {
    const newer = await context.newPage();
    await newer.goto(`${server.url}manifest.webmanifest`);
    await newer.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('paper2net', 2);
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
        }),
    );
    await tabA.getByRole('alert').filter({ hasText: 'opened in a newer version' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
