/** Page model, captions and regions on real papers (one- and two-column) and on synthetic pages. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCaptions, findRegions, groupLines, readDocument, type Page, type PaperDocument, type TextItem } from '../../src/paper/index.ts';

const corpus = new URL('../../../shared/corpus/pdf/', import.meta.url);
// Time limits far past any page's need: these tests are about structure, and a page cut off on a loaded machine
// would shift every page after it.
const read = (name: string) => readDocument(new Uint8Array(readFileSync(new URL(name, corpus))), { pageTimeMs: 120_000, totalTimeMs: 600_000 });

function page(texts: Array<[string, number, number, number?]>): Page {
  const items: TextItem[] = texts.map(([str, x, y, size = 10]) => ({
    str,
    box: [x, y, x + str.length * size * 0.5, y + size],
    size,
    font: 'F',
    rotated: false,
  }));
  return { number: 1, width: 612, height: 792, texts: items, paths: [], images: [] };
}

describe('captions', () => {
  it('finds the usual label spellings and skips references in running text', () => {
    const p = page([
      ['Figure 3: The network.', 72, 100],
      ['Fig. 2. A block.', 72, 130],
      ['TABLE IV', 72, 160],
      ['Table 1. Layers.', 72, 190],
      ['Table 2 shows the results of the ablation on all the datasets we used.', 72, 220],
      ['as shown in Table 5: below', 72, 250],
    ]);
    const captions = findCaptions(p);
    expect(captions.map((c) => c.label)).toEqual(['Figure 3', 'Figure 2', 'Table IV', 'Table 1']);
    expect(captions.map((c) => c.kind)).toEqual(['figure', 'figure', 'table', 'table']);
  });

  it('joins the continuation lines of a caption paragraph but not the table under it', () => {
    const p = page([
      ['Table 1: ConvNet configurations (shown in columns). The depth of the', 108, 90],
      ['configurations increases from the left (A) to the right (E).', 108, 101],
      ['A', 170, 120, 9],
      ['B', 270, 120, 9],
    ]);
    const [caption] = findCaptions(p);
    expect(caption.text).toBe(
      'Table 1: ConvNet configurations (shown in columns). The depth of the configurations increases from the left (A) to the right (E).',
    );
  });
});

describe('captions in running text', () => {
  it('takes no label that starts a line of a paragraph for a caption', () => {
    const body = 'the error rates of the various methods on the test set are shown in';
    const p = page([
      [body, 72, 100],
      [body, 72, 112],
      ['Fig. 9. Possibly the simplest classifier that one might consider is', 72, 124],
      [body, 72, 136],
      ['Fig. 10. A caption of its own, under a drawing.', 72, 200],
    ]);
    expect(findCaptions(p).map((c) => c.label)).toEqual(['Figure 10']);
  });
});

describe('real pages', () => {
  let vgg: PaperDocument;
  let resnet: PaperDocument;
  beforeAll(async () => {
    [vgg, resnet] = await Promise.all([read('vgg.pdf'), read('resnet.pdf')]);
  });

  it('reads text runs with boxes in top-left page coordinates, and table rules as paths', () => {
    const p3 = vgg.pages[2];
    expect(p3.width).toBe(612);
    const conv = p3.texts.find((t) => t.str === 'conv3-64')!;
    expect(conv.box[1]).toBeGreaterThan(150);
    expect(conv.box[3]).toBeLessThan(220);
    expect(p3.paths.filter((p) => p.kind === 'line').length).toBeGreaterThan(5);
  });

  it('puts a caption-above table under its caption (one column)', () => {
    const regions = findRegions(vgg.pages[2]);
    const t1 = regions.find((r) => r.caption.label === 'Table 1')!;
    const t2 = regions.find((r) => r.caption.label === 'Table 2')!;
    expect(t1.box[1]).toBeGreaterThanOrEqual(t1.caption.box[3] - 1);
    expect(t1.lines.some((l) => l.text.includes('soft-max'))).toBe(true);
    expect(t1.lines.some((l) => l.text.includes('Number of parameters'))).toBe(false);
    expect(t2.lines.some((l) => l.text.includes('Number of parameters'))).toBe(true);
  });

  it('puts a caption-below table above its caption (two columns, full width)', () => {
    const t1 = findRegions(resnet.pages[4]).find((r) => r.caption.label === 'Table 1')!;
    expect(t1.box[3]).toBeLessThanOrEqual(t1.caption.box[1] + 1);
    expect(t1.lines.some((l) => l.text.includes('conv5'))).toBe(true);
    expect(t1.vector).toBe(true);
  });

  it('finds figure regions in one column of a two-column page', () => {
    const f2 = findRegions(resnet.pages[1]).find((r) => r.caption.label === 'Figure 2')!;
    expect(f2.kind).toBe('figure');
    expect(f2.box[2]).toBeLessThan(306);
    expect(f2.box[3]).toBeLessThanOrEqual(f2.caption.box[1] + 1);
  });

  it('keeps a caption-below table above its caption, clear of the next table and of running text', async () => {
    const prelu = await read('prelu_net.pdf');
    const [t1, t2] = findRegions(prelu.pages[2]);
    expect([t1.caption.label, t2.caption.label]).toEqual(['Table 1', 'Table 2']);
    expect(t1.box[3]).toBeLessThanOrEqual(t1.caption.box[1] + 1);
    expect(t1.lines.some((l) => l.text.includes('conv1'))).toBe(true);
    expect(t2.box[1]).toBeGreaterThanOrEqual(t1.caption.box[3]);
    expect(t2.lines.some((l) => l.text.includes('PReLU, channel-wise'))).toBe(true);
  });

  it('gives a figure captioned below and a table captioned below, stacked, each its own body', async () => {
    const gan = await read('gan_negative.pdf');
    const regions = findRegions(gan.pages[6]);
    const figure = regions.find((r) => r.caption.label === 'Figure 3')!;
    const table = regions.find((r) => r.caption.label === 'Table 2')!;
    expect(figure.box[3]).toBeLessThanOrEqual(figure.caption.box[1] + 1);
    expect(figure.raster).toBe(true);
    expect(table.box[1]).toBeGreaterThanOrEqual(figure.caption.box[3]);
    expect(table.box[3]).toBeLessThanOrEqual(table.caption.box[1] + 1);
  });

  it('leaves the running text beside a wrapped table out of it, and marks running headers', async () => {
    const alexnet = await read('alexnet.pdf');
    const t1 = findRegions(alexnet.pages[6]).find((r) => r.caption.label === 'Table 1')!;
    expect(t1.box[0]).toBeGreaterThan(335);
    expect(t1.caption.text).toMatch(/achieved by others\.$/);
    const deeplab = await read('deeplab_v2.pdf');
    const header = deeplab.pages[8].texts
      .filter((t) => t.furniture)
      .map((t) => t.str)
      .join(' ');
    expect(header).toMatch(/IEEE TRANSACTIONS/);
    for (const r of findRegions(deeplab.pages[8])) expect(r.box.every((v) => v >= 0)).toBe(true);
  });

  it('groups runs into lines and chunks', () => {
    const lines = groupLines(vgg.pages[2].texts);
    const header = lines.find((l) => l.text.startsWith('A A-LRN'))!;
    expect(header.chunks.map((c) => c.text)).toEqual(['A', 'A-LRN', 'B', 'C', 'D', 'E']);
  });
});
