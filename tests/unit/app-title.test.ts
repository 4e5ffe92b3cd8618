import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { titleFromFirstPage, type PlacedText } from '../../src/pipeline/titleText.ts';

const corpus = new URL('../../../shared/corpus/pdf/', import.meta.url);

async function firstPageText(file: string): Promise<{ items: PlacedText[]; height: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(new URL(file, corpus))), verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const { height } = page.getViewport({ scale: 1 });
  const items: PlacedText[] = [];
  for (const item of (await page.getTextContent()).items) {
    if (!('str' in item)) continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    if (Math.abs(b!) > Math.abs(a!)) continue;
    items.push({ str: item.str, x: e!, y: height - f!, width: item.width, size: Math.hypot(c!, d!) });
  }
  await doc.destroy();
  return { items, height };
}

describe('paper title from the first page', () => {
  it.each([
    ['vgg.pdf', /^very deep convolutional networks for large-scale image recognition$/i],
    ['resnet.pdf', /^deep residual learning for image recognition$/i],
    ['mobilenet_v1.pdf', /^mobilenets: efficient convolutional neural networks for mobile vision applications$/i],
  ])('reads the printed title of %s, both lines, without the arXiv stamp', async (file, title) => {
    const { items, height } = await firstPageText(file);
    expect(titleFromFirstPage(items, height)).toMatch(title);
  });

  it('gives no title for a page that is only a figure: its biggest text is labels, not words', async () => {
    const { items, height } = await firstPageText('tikz_lenet5.pdf');
    expect(items.length).toBeGreaterThan(0);
    expect(titleFromFirstPage(items, height)).toBeUndefined();
  });
});
