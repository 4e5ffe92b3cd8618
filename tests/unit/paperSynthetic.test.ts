/**
 * End to end on a generated two-column page: an unruled architecture table in the right column under its
 * caption, a vector figure in the left column above its caption, body text around both.
 */
import { describe, expect, it } from 'vitest';
import { findRegions, readDocument } from '../../src/paper/index.ts';
import { extractDesigns } from '../../src/pipeline/extract.ts';
import { pagesPdf, type PageSpec } from './paperPdfWriter.ts';

const BODY = 'The quick network reads the page and writes a graph for every design it finds in the';

function twoColumnPage(): PageSpec {
  const texts: PageSpec['texts'] = [];
  // Left column: body text, a figure (boxes drawn below), its caption, more body text.
  for (let i = 0; i < 8; i++) texts.push({ str: BODY.slice(0, 50), x: 50, y: 60 + i * 12 });
  texts.push({ str: 'conv', x: 90, y: 190, size: 8 }, { str: 'pool', x: 190, y: 190, size: 8 });
  texts.push({ str: 'Figure 1: A drawn network.', x: 50, y: 260 });
  for (let i = 0; i < 8; i++) texts.push({ str: BODY.slice(0, 50), x: 50, y: 290 + i * 12 });
  // Right column: caption, unruled table, body text.
  texts.push({ str: 'Table 1: Our network.', x: 320, y: 60 });
  const rows = [
    ['Layer', 'Kernel', 'Stride', 'Filters'],
    ['conv', '5x5', '1', '32'],
    ['max pool', '2x2', '2', '-'],
    ['conv', '5x5', '1', '64'],
    ['max pool', '2x2', '2', '-'],
    ['fc', '-', '-', '512'],
    ['fc', '-', '-', '10'],
  ];
  rows.forEach((row, r) => row.forEach((cell, c) => texts.push({ str: cell, x: 330 + c * 55, y: 80 + r * 11, size: 9 })));
  for (let i = 0; i < 10; i++) texts.push({ str: BODY.slice(0, 50), x: 320, y: 180 + i * 12 });
  // The figure: two boxes and an arrow between them, in PDF coordinates (origin bottom-left).
  const drawing = '80 560 60 40 re S 180 560 60 40 re S 140 580 m 180 580 l S';
  return { texts, drawing };
}

describe('a generated two-column page', () => {
  it('finds the table under its caption in the right column and the figure above its caption in the left', async () => {
    const doc = await readDocument(pagesPdf([twoColumnPage()]));
    const regions = findRegions(doc.pages[0]);
    const table = regions.find((r) => r.kind === 'table')!;
    const figure = regions.find((r) => r.kind === 'figure')!;
    expect(table.box[0]).toBeGreaterThan(306);
    expect(table.box[1]).toBeGreaterThanOrEqual(table.caption.box[3] - 1);
    expect(table.lines).toHaveLength(7);
    expect(figure.box[2]).toBeLessThan(306);
    expect(figure.box[3]).toBeLessThanOrEqual(figure.caption.box[1] + 1);
    expect(figure.vector).toBe(true);
    expect(figure.raster).toBe(false);
    expect(figure.lines.map((l) => l.text)).toEqual(['conv pool']);
  });

  it('reads the unruled table into a valid design with its source', async () => {
    const { designs } = await extractDesigns(pagesPdf([twoColumnPage()]));
    expect(designs).toHaveLength(1);
    const g = designs[0];
    expect(g.source).toMatchObject({ page: 1, kind: 'table', caption: 'Table 1: Our network.' });
    expect(g.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'MaxPool2D', 'Conv2D', 'MaxPool2D', 'Flatten', 'Dense', 'Dense']);
    expect(g.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.filters)).toEqual([32, 64]);
    expect(g.layers.at(-1)?.params).toMatchObject({ units: 10, activation: 'softmax' });
    expect(g.layers[0].inferred).toEqual(['shape']);
  });

  it('keeps sub-figures (a) and (b) in one figure region, across the full width of a one-column page', async () => {
    const texts: PageSpec['texts'] = [];
    for (let i = 0; i < 6; i++) texts.push({ str: BODY, x: 72, y: 60 + i * 12 });
    texts.push({ str: '(a) plain block', x: 120, y: 300, size: 9 }, { str: '(b) residual block', x: 380, y: 300, size: 9 });
    texts.push({ str: 'Figure 2: Two building blocks.', x: 72, y: 330 });
    for (let i = 0; i < 6; i++) texts.push({ str: BODY, x: 72, y: 360 + i * 12 });
    // Left sub-figure at x 100–250, right one at 360–510, both between y 150 and 290 (top-left coordinates).
    const drawing = [
      '100 612 150 30 re S',
      '100 522 150 30 re S',
      '175 582 m 175 552 l S',
      '360 612 150 30 re S',
      '360 522 150 30 re S',
      '435 582 m 435 552 l S',
      '520 597 m 520 537 l S',
    ].join(' ');
    const doc = await readDocument(pagesPdf([{ texts, drawing }]));
    const figure = findRegions(doc.pages[0]).find((r) => r.kind === 'figure')!;
    expect(figure.box[0]).toBeLessThanOrEqual(100);
    expect(figure.box[2]).toBeGreaterThanOrEqual(510);
    expect(figure.lines.map((l) => l.text).join(' ')).toMatch(/\(a\) plain block.*\(b\) residual block/);
    expect(figure.box[1]).toBeGreaterThan(130);
  });
});
