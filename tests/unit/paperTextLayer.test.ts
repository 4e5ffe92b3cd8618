/**
 * The text layer's words and boxes where pdf.js's items need care: ligature glyphs (ﬁ ﬀ ﬃ), explicit space
 * items and spaces counted in a run's width, and Type 3 fonts whose FontMatrix pdf.js folds into the run's
 * transform. Real corpus pages, checked against poppler's word boxes; a hand-written Type 3 PDF.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupLines, readDocument, type Box, type Page } from '../../src/paper/index.ts';
import { writePdf } from './paperPdfWriter.ts';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../../shared/corpus/pdf/${name}`, import.meta.url)));

async function page(name: string, number: number): Promise<Page> {
  const doc = await readDocument(corpus(name), { maxPages: number, textOnly: true });
  return doc.pages[number - 1]!;
}

const lineTexts = (p: Page) => groupLines(p.texts).map((l) => l.text);

describe('ligatures', () => {
  // `pdftotext -bbox -f 2 -l 2 mscnn.pdf`: words typeset with ﬁ/ﬀ/ﬃ glyphs and their boxes (top-left origin).
  const POPPLER: Array<[string, Box]> = [
    ['diﬀerent', [250.63, 119.59, 283.94, 127.55]],
    ['ﬁeld,', [217.96, 130.54, 237.4, 138.5]],
    ['uniﬁed', [144.9, 222.18, 174.25, 231.02]],
    ['ﬁelds,', [337.09, 270.0, 362.06, 278.84]],
    ['ﬁrst', [34.02, 449.33, 51.27, 458.17]],
    ['eﬃcient', [346.4, 449.33, 379.89, 458.17]],
  ];

  it('reads ﬁ, ﬀ, ﬃ glyphs as their letters, inside runs whose boxes hold the words where poppler puts them', async () => {
    const p = await page('mscnn.pdf', 2);
    expect(p.texts.some((t) => /[\uFB00-\uFB06]/.test(t.str))).toBe(false);
    for (const [glyphs, [x0, y0, x1, y1]] of POPPLER) {
      const word = glyphs.normalize('NFKC');
      const run = p.texts.find((t) => t.box[0] <= x0 + 0.5 && t.box[2] >= x1 - 0.5 && t.box[1] <= (y0 + y1) / 2 && t.box[3] >= (y0 + y1) / 2);
      expect(run?.str, word).toContain(word);
      // The run's glyph band covers the word's height.
      const overlap = Math.min(run!.box[3], y1) - Math.max(run!.box[1], y0);
      expect(overlap / (y1 - y0)).toBeGreaterThan(0.8);
    }
    // A line starting and one ending with a ligature word: the run ends where the word does.
    const first = p.texts.find((t) => t.str.startsWith('first time used'))!;
    expect(first.box[0]).toBeCloseTo(34.02, 1);
    expect(first.box[2]).toBeCloseTo(379.89, 0);
  });

  it('leaves no ligature glyph in any corpus paper that typesets them', async () => {
    for (const name of ['mscnn.pdf', 'nature_review_negative.pdf']) {
      const doc = await readDocument(corpus(name), { textOnly: true });
      const text = doc.pages.flatMap((p) => p.texts.map((t) => t.str)).join(' ');
      expect(text, name).not.toMatch(/[\uFB00-\uFB06]/);
      expect(text, name).toMatch(/\b(first|fi(eld|nal)s?|efficient|different)\b/);
    }
  });
});

describe('spaces', () => {
  it('keeps the word boundaries pdf.js gives as separate space items, even where the space is a hair wide', async () => {
    // recurrent_cnn.pdf sets these spaces 0.3 pt wide (0.03 em): the gap alone says "no space".
    const p1 = lineTexts(await page('recurrent_cnn.pdf', 1)).join('\n');
    expect(p1).toContain('object recognition [26, 50,');
    expect(p1).toContain('HMAX [38], is closely related');
    const p2 = lineTexts(await page('recurrent_cnn.pdf', 2)).join('\n');
    expect(p2).toContain('(e.g., the nose in Figure 1)');
  });

  it('writes a space as one trailing space of a run, never leading, doubled or alone', async () => {
    for (const [name, number] of [
      ['recurrent_cnn.pdf', 1],
      ['xgboost_negative.pdf', 2],
      ['vgg.pdf', 3],
    ] as const) {
      for (const t of (await page(name, number)).texts) expect(t.str, name).toMatch(/^\S(.*\S)?( )?$/s);
    }
  });

  it('does not count a run’s trailing spaces in its box', async () => {
    // xgboost_negative.pdf p2: pdf.js gives "+ " 10.41 pt wide at 9 pt; the plus sign is 0.78 em (7 pt).
    const p = await page('xgboost_negative.pdf', 2);
    const plus = p.texts.filter((t) => t.str.trim() === '+' && Math.abs(t.box[0] - 449.3) < 0.2);
    expect(plus).toHaveLength(1);
    expect(plus[0]!.box[2] - plus[0]!.box[0]).toBeLessThan(8.5);
  });
});

describe('Type 3 fonts', () => {
  const encoder = new TextEncoder();
  /**
   * Two Type 3 fonts drawing each glyph as a 50×70 unit block, one with an upright FontMatrix and one with a
   * flipped one (as bitmap fonts from dvips have), both used at `1 Tf` with a 10× text matrix — the case where
   * pdf.js folds the FontBBox height into the run's transform.
   */
  function type3Pdf(): Uint8Array {
    const font = (matrix: string, bbox: string, proc: number) =>
      `<< /Type /Font /Subtype /Type3 /FontBBox ${bbox} /FontMatrix ${matrix} /CharProcs << /A ${proc} 0 R /B ${proc} 0 R >> ` +
      `/Encoding << /Type /Encoding /Differences [65 /A /B] >> /FirstChar 65 /LastChar 66 /Widths [60 60] /Resources << >> >>`;
    const content = 'BT /U 1 Tf 10 0 0 10 100 692 Tm (ABAB) Tj ET\nBT /D 1 Tf 10 0 0 10 100 592 Tm (ABAB) Tj ET';
    return writePdf([
      { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
      { dict: '<< /Type /Pages /Kids [7 0 R] /Count 1 >>' },
      { dict: font('[0.01 0 0 0.01 0 0]', '[0 0 50 70]', 5) },
      { dict: font('[0.01 0 0 -0.01 0 0]', '[0 -70 50 0]', 6) },
      { dict: '', stream: encoder.encode('60 0 0 0 50 70 d1 0 0 50 70 re f') },
      { dict: '', stream: encoder.encode('60 0 0 -70 50 0 d1 0 -70 50 70 re f') },
      { dict: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 8 0 R /Resources << /Font << /U 3 0 R /D 4 0 R >> >> >>' },
      { dict: '', stream: encoder.encode(content) },
    ]);
  }

  it('stands the box on the baseline over the glyphs, whether the FontMatrix is upright or flipped', async () => {
    const doc = await readDocument(type3Pdf());
    const texts = doc.pages[0]!.texts;
    expect(texts.map((t) => t.str)).toEqual(['ABAB', 'ABAB']);
    // Ink: four 5×7 pt blocks 6 pt apart on baselines at y = 100 and y = 200 (top-left origin).
    for (const [run, baseline] of [
      [texts[0]!, 100],
      [texts[1]!, 200],
    ] as const) {
      const ink: Box = [100, baseline - 7, 123, baseline];
      expect(run.box[0]).toBeCloseTo(100, 1);
      expect(run.box[2]).toBeCloseTo(124, 1);
      expect((run.box[1] + run.box[3]) / 2).toBeLessThan(baseline);
      const covered = Math.min(run.box[3], ink[3]) - Math.max(run.box[1], ink[1]);
      expect(covered / 7).toBeGreaterThan(0.7);
      expect(run.size).toBeCloseTo(7, 1);
      expect(run.rotated).toBe(false);
    }
  });
});
