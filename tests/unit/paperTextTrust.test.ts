/**
 * A text layer that can be trusted or is replaced: no corpus page is taken for gibberish; a page whose font
 * maps its letters to private-use codepoints, or to other letters, and a scanned page are found, and read by
 * OCR (tesseract.js with the traineddata from npm, through the CLI's page renderer) into the words they show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeBitmapFigures } from '../../src/cli/bitmaps.ts';
import { groupLines, judgeText, readDocument, type Box, type PageOcr } from '../../src/paper/index.ts';
import { pagesPdf, type PageSpec } from './paperPdfWriter.ts';

const CORPUS = new URL('../../../shared/corpus/pdf/', import.meta.url);

const LINES = [
  'Deep convolutional networks are trained with stochastic gradient descent',
  'on the ImageNet dataset. The network has five convolutional layers and',
  'three fully connected layers; the first two have 4096 units each, and',
  'the last one has 1000 units, one for each class. Every layer is followed',
  'by a rectified linear unit, and the first two layers by max pooling.',
  'Table 1 lists the layers of the network with their sizes and strides.',
];
/** Six lines naming a table, and a rule under them (drawings are read on pages that name a figure or table). */
const PAGE: PageSpec = { texts: LINES.map((str, i) => ({ str, x: 72, y: 100 + i * 16, size: 11 })), drawing: '72 580 468 0.5 re f' };
const WORDS = LINES.join(' ').split(' ');

/** Printable ASCII sent to the private-use area, as a font without a ToUnicode map reads. */
const privateUse = (code: number) => 0xe000 + code;
/** Letters shifted by three ("Wkh qhwzrun"), as a font whose codes are not its letters reads. */
const shifted = (code: number) => (code >= 97 && code <= 122 ? 97 + ((code - 94) % 26) : code >= 65 && code <= 90 ? 65 + ((code - 62) % 26) : code);

/** An OCR that must not be called, recording the pages it was asked for. */
function recordingOcr(asked: number[]): PageOcr {
  return async (pageNumber) => {
    asked.push(pageNumber);
    return [];
  };
}

/** Share of the words found in `read` in their order (words the OCR adds or drops cost only themselves). */
function inOrder(words: string[], read: string[]): number {
  let at = 0;
  let found = 0;
  for (const word of words) {
    const next = read.indexOf(word, at);
    if (next < 0) continue;
    found++;
    at = next + 1;
  }
  return found / words.length;
}

const iou = (a: Box, b: Box) => {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const inter = w > 0 && h > 0 ? w * h : 0;
  const area = (x: Box) => (x[2] - x[0]) * (x[3] - x[1]);
  return inter / (area(a) + area(b) - inter);
};

describe('the gibberish detector on the corpus', () => {
  const names = readdirSync(CORPUS).filter((n) => n.endsWith('.pdf'));

  it.each(names)('%s: no page flagged, every page well clear of the thresholds', async (name) => {
    const asked: number[] = [];
    const doc = await readDocument(new Uint8Array(readFileSync(new URL(name, CORPUS))), { ocr: recordingOcr(asked) });
    expect(asked).toEqual([]);
    expect(doc.warnings.filter((w) => /text layer/.test(w))).toEqual([]);
    for (const page of doc.pages) {
      const trust = judgeText(page.texts, page.images, [page.width, page.height]);
      // Thresholds: odd share 0.3; plain-word share 0.3; known 0.08 with plausible 0.85.
      expect(trust.oddShare, `page ${page.number}`).toBeLessThan(0.05);
      if (trust.letterRuns >= 30) expect(trust.words / trust.letterRuns, `page ${page.number}`).toBeGreaterThan(0.6);
      if (trust.words >= 30) expect(Math.max(trust.knownShare / 0.08, trust.plausibleShare / 0.85), `page ${page.number}`).toBeGreaterThan(1.1);
    }
  });
});

describe('untrusted text layers', () => {
  it('finds private-use and shifted letters, and without OCR leaves the page without text, saying why', async () => {
    for (const [toUnicode, reason] of [
      [privateUse, 'no ToUnicode'],
      [shifted, 'its letters make no words'],
    ] as const) {
      const doc = await readDocument(pagesPdf([PAGE, PAGE], { toUnicode }));
      expect(doc.pages.map((p) => p.texts)).toEqual([[], []]);
      expect(doc.warnings).toEqual([1, 2].map((n) => `page ${n}: text layer unreadable (${reason}); its text cannot be read without OCR`));
    }
    const clean = await readDocument(pagesPdf([PAGE]));
    expect(clean.warnings).toEqual([]);
    expect(groupLines(clean.pages[0]!.texts).map((l) => l.text)).toEqual(LINES);
  });

  it('reads at most maxOcrPages pages by OCR and survives an OCR that fails', async () => {
    const asked: number[] = [];
    const limited = await readDocument(pagesPdf([PAGE, PAGE, PAGE], { toUnicode: privateUse }), { ocr: recordingOcr(asked), maxOcrPages: 2 });
    expect(asked).toEqual([1, 2]);
    expect(limited.warnings[2]).toBe('page 3: text layer unreadable (no ToUnicode); not read, OCR page limit reached');
    const failing = await readDocument(pagesPdf([PAGE], { toUnicode: privateUse }), { ocr: () => Promise.reject(new Error('no canvas')) });
    expect(failing.pages).toHaveLength(1);
    expect(failing.warnings).toEqual(['page 1: text layer unreadable (no ToUnicode); OCR failed (no canvas)']);
  });

  it('reads a page whose text is private-use codepoints by OCR: the words it shows, where it shows them, and its drawings', async () => {
    const bytes = pagesPdf([PAGE], { toUnicode: privateUse });
    const bitmaps = nodeBitmapFigures(bytes);
    try {
      const doc = await readDocument(bytes, { ocr: bitmaps.pageOcr });
      expect(doc.warnings).toEqual(['page 1: text layer unreadable (no ToUnicode), read by OCR']);
      const lines = groupLines(doc.pages[0]!.texts);
      const read = lines.flatMap((l) => l.text.split(' '));
      expect(inOrder(WORDS, read)).toBeGreaterThan(0.95);
      const truth = groupLines((await readDocument(pagesPdf([PAGE]))).pages[0]!.texts);
      expect(lines).toHaveLength(truth.length);
      lines.forEach((line, i) => expect(iou(line.box, truth[i]!.box)).toBeGreaterThan(0.6));
      expect(lines.every((l) => Math.abs(l.size - 11) < 1.5)).toBe(true);
      // "Table 1", unreadable before OCR, makes the page one whose drawings the regions need.
      expect(doc.pages[0]!.paths).toHaveLength(1);
    } finally {
      await bitmaps.close();
    }
  });

  it('reads a two-column page by OCR column after column', async () => {
    const left = ['The left column starts here and', 'tells of convolutional layers', 'with small filters and strides.'];
    const right = ['The right column follows it and', 'tells of pooling and dropout', 'before the softmax classifier.'];
    const at = (lines: string[], x: number) => lines.map((str, i) => ({ str, x, y: 120 + i * 15, size: 11 }));
    const bytes = pagesPdf([{ texts: [{ str: 'A Title Across Both Columns', x: 200, y: 80, size: 14 }, ...at(left, 60), ...at(right, 330)] }], {
      toUnicode: privateUse,
    });
    const bitmaps = nodeBitmapFigures(bytes);
    try {
      const doc = await readDocument(bytes, { ocr: bitmaps.pageOcr });
      const read = doc.pages[0]!.texts.map((t) => t.str.trim());
      expect(inOrder(['A', 'Title', 'Across', 'Both', 'Columns', ...[...left, ...right].join(' ').split(' ')], read)).toBeGreaterThan(0.95);
    } finally {
      await bitmaps.close();
    }
  });

  it('reads a scanned page (a page-sized image, an arXiv stamp down the margin) by OCR', async () => {
    // The scan: the clean page rendered at 2 px/pt, grey, placed over the whole page.
    const clean = nodeBitmapFigures(pagesPdf([PAGE]));
    const rgba = await clean.render(1, [0, 0, 612, 792], 2).finally(() => clean.close());
    const gray = new Uint8Array(rgba.width * rgba.height).map((_, i) => rgba.data[i * 4 + 1]!);
    const stamp = 'BT /F1 10 Tf 0 1 -1 0 30 250 Tm (arXiv:1409.1556v6 [cs.CV] 10 Apr 2015) Tj ET';
    const bytes = pagesPdf([{ texts: [], drawing: stamp, image: { width: rgba.width, height: rgba.height, box: [0, 0, 612, 792], gray } }]);
    const bitmaps = nodeBitmapFigures(bytes);
    try {
      const doc = await readDocument(bytes, { ocr: bitmaps.pageOcr });
      expect(doc.warnings).toEqual(['page 1: no text layer (a scanned page), read by OCR']);
      const page = doc.pages[0]!;
      const read = groupLines(page.texts).flatMap((l) => l.text.split(' '));
      expect(inOrder(WORDS, read)).toBeGreaterThan(0.9);
      expect(page.images).toHaveLength(1);
    } finally {
      await bitmaps.close();
    }
  });
});
