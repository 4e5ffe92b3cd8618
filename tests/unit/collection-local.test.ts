/**
 * A collection opened from picked files (src/collection/local.ts): a collection `paper2net batch` writes from two
 * corpus papers, loaded from a map of its files (as a picked folder gives them) and from a ZIP of it; the papers'
 * PDFs found by name and checked by hash; a missing or damaged index.json named in the error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesFromZip, loadLocalCollection, loadPaper, type CollectionIndex, type PaperFile, type PickedFiles } from '../../src/collection/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = join(root, '../shared/corpus/pdf');
const dir = mkdtempSync(join(tmpdir(), 'p2n-local-collection-'));
const out = join(dir, 'collection');
const PAPERS = ['plotneuralnet_vgg16.pdf', 'mxnet_squeezenet_graph.pdf'];
let index: CollectionIndex;

/** Every file under `folder` by its path relative to it, read from disk when asked (as a picked folder's File is). */
function folderFiles(folder: string): Map<string, () => Promise<Uint8Array>> {
  const paths = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(paths.map((e) => [relative(folder, join(e.parentPath, e.name)), async () => new Uint8Array(readFileSync(join(e.parentPath, e.name)))]));
}

const withText = (files: PickedFiles, path: string, text: string): PickedFiles => new Map([...files, [path, async () => new TextEncoder().encode(text)]]);

beforeAll(() => {
  writeFileSync(join(dir, 'damaged.pdf'), readFileSync(join(corpus, 'vgg.pdf')).subarray(0, 5000));
  const list = join(dir, 'papers.txt');
  writeFileSync(list, [...PAPERS.map((p) => join(corpus, p)), 'damaged.pdf'].join('\n'));
  const run = spawnSync(process.execPath, [join(root, 'bin/paper2net.mjs'), 'batch', list, '--out', out, '--no-bitmaps', '--zips'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as CollectionIndex;
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a collection from picked files', () => {
  it("loads a picked folder's index.json and each paper's file, as written by paper2net batch", async () => {
    const collection = await loadLocalCollection(folderFiles(out), 'collection');
    expect(collection.where).toBe('collection');
    expect(collection.base).toBeUndefined();
    expect(collection.index).toEqual(index);
    const read = index.papers.filter((p) => !p.failure);
    expect(read.map((p) => p.file).sort()).toEqual([...PAPERS].sort());
    for (const entry of read) {
      const paper = await loadPaper(collection, entry);
      expect(paper).toEqual(JSON.parse(readFileSync(join(out, entry.paper!), 'utf8')) as PaperFile);
      expect(paper.designs.length).toBe(entry.designCount);
      const zip = await JSZip.loadAsync(await collection.read(entry.zips![0]!));
      expect(Object.keys(zip.files)).toContain('graph.json');
    }
    const damaged = index.papers.find((p) => p.failure)!;
    await expect(loadPaper(collection, damaged)).rejects.toThrow(`damaged.pdf was not read: ${damaged.failure}`);
  });

  it("finds a paper's PDF anywhere in the folder by its file name, and refuses one whose hash is not the paper's", async () => {
    const vgg16 = index.papers.find((p) => p.file === 'plotneuralnet_vgg16.pdf')!;
    const squeeze = index.papers.find((p) => p.file === 'mxnet_squeezenet_graph.pdf')!;
    const files = new Map(folderFiles(out));
    const collection = await loadLocalCollection(files, 'collection');
    expect(collection.pdf!(vgg16)).toBeUndefined();

    files.set('pdfs/plotneuralnet_vgg16.pdf', async () => new Uint8Array(readFileSync(join(corpus, 'plotneuralnet_vgg16.pdf'))));
    files.set('pdfs/mxnet_squeezenet_graph.pdf', async () => new Uint8Array(readFileSync(join(corpus, 'vgg.pdf'))));
    const withPdfs = await loadLocalCollection(files, 'collection');
    expect(await withPdfs.pdf!(vgg16)!()).toEqual(new Uint8Array(readFileSync(join(corpus, 'plotneuralnet_vgg16.pdf'))));
    await expect(withPdfs.pdf!(squeeze)!()).rejects.toThrow('collection/pdfs/mxnet_squeezenet_graph.pdf is not the PDF this collection read');
  });

  it('loads the same collection from a ZIP of its folder (a top folder in the ZIP or none)', async () => {
    for (const prefix of ['', 'my-collection/']) {
      const zip = new JSZip();
      for (const [path, read] of folderFiles(out)) zip.file(prefix + path, await read());
      const bytes = await zip.generateAsync({ type: 'uint8array' });
      const collection = await loadLocalCollection(await filesFromZip(bytes, 'c.zip'), 'c.zip');
      expect(collection.index).toEqual(index);
      const entry = index.papers.find((p) => p.file === 'plotneuralnet_vgg16.pdf')!;
      expect((await loadPaper(collection, entry)).designs.length).toBe(entry.designCount);
    }
  });

  it('names the file when index.json is missing, damaged or not a collection, or a paper file is missing', async () => {
    const files = folderFiles(out);
    const noIndex = new Map([...files].filter(([path]) => path !== 'index.json'));
    await expect(loadLocalCollection(noIndex, 'papers-folder')).rejects.toThrow(/^papers-folder: no index\.json in it/);
    await expect(loadLocalCollection(withText(files, 'index.json', '{"format": "paper2net.coll'), 'collection')).rejects.toThrow(
      /^collection\/index\.json: not valid JSON \(/,
    );
    await expect(loadLocalCollection(withText(files, 'index.json', '{"format": "paper2net.graph/1"}'), 'collection')).rejects.toThrow(
      'collection/index.json: unsupported format "paper2net.graph/1"',
    );
    const entry = index.papers.find((p) => p.file === 'plotneuralnet_vgg16.pdf')!;
    const noPaper = new Map([...files].filter(([path]) => path !== entry.paper));
    await expect(loadPaper(await loadLocalCollection(noPaper, 'collection'), entry)).rejects.toThrow(`collection/${entry.paper}: not among the picked files`);
    await expect(loadPaper(await loadLocalCollection(withText(files, entry.paper!, '[]'), 'collection'), entry)).rejects.toThrow(
      `${entry.paper}: not a paper of a paper2net.collection/1 collection`,
    );
    await expect(filesFromZip(new TextEncoder().encode('not a zip'), 'c.zip')).rejects.toThrow(/^c\.zip: not a ZIP file/);
  });
});
