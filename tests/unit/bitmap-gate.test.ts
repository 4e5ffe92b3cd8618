/**
 * The classifier is the gate in front of OCR: a bitmap figure it rejects is never OCR'd. Real corpus images stand in
 * for rendered figure regions (the renderer hands back their pixels), the committed model classifies them, and an
 * OCR engine that counts its calls shows which ones reached it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFigureClassifier, type Classification, type FigureClassifier, type RgbaImage } from '../../src/classify/index.ts';
import { decodeImage, DEFAULT_MODEL } from '../../src/cli/classify.ts';
import type { Ocr } from '../../src/diagrams/index.ts';
import type { Page, Region } from '../../src/paper/index.ts';
import { readBitmapFigures, type FigureCandidate } from '../../src/pipeline/extractFigures.ts';

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../../eval/manifest.json', import.meta.url), 'utf8')) as {
  classify: { images: Array<{ input: string; architecture: boolean }> };
};

/** One page per image, one raster figure region covering it. */
function candidate(n: number, image: RgbaImage): FigureCandidate {
  const box: [number, number, number, number] = [0, 0, image.width / 2, image.height / 2];
  const page = { number: n, width: box[2], height: box[3], texts: [], paths: [], images: [] } as Page;
  const region = {
    kind: 'figure',
    page: n,
    caption: { label: `Figure ${n}`, text: `Figure ${n}: a figure.` },
    box,
    lines: [],
    vector: false,
    raster: true,
  } as unknown as Region;
  return { page, region, found: { page: n, kind: 'figure:raster', bbox: box } };
}

/** An OCR engine that records every image it is shown and reads nothing. */
function countingOcr(): Ocr & { calls: number } {
  const ocr = {
    calls: 0,
    async read() {
      ocr.calls++;
      return '';
    },
    async readWords() {
      ocr.calls++;
      return [];
    },
    async terminate() {},
  };
  return ocr;
}

let classifier: FigureClassifier;
beforeAll(async () => {
  classifier = await createFigureClassifier(readFileSync(DEFAULT_MODEL));
});
afterAll(async () => {
  await classifier?.release();
});

describe('bitmap figures: the classifier decides what is OCR’d', () => {
  it('never OCRs a figure the classifier rejects (real corpus images, the committed model)', async () => {
    const files = manifest.classify.images.map((e) => e.input);
    const images = files.map((f) => decodeImage(readFileSync(corpus + f), f));
    const candidates = images.map((image, i) => candidate(i + 1, image));
    const verdicts: Classification[] = [];
    const reached = new Set<number>();
    let current = 0;
    const ocr = countingOcr();
    const bitmaps = {
      async render(pageNumber: number) {
        current = pageNumber;
        return images[pageNumber - 1]!;
      },
      async classify(image: RgbaImage) {
        const [verdict] = await classifier.classify([image]);
        verdicts.push(verdict!);
        return verdict!;
      },
      // The raster reader's first step loads OpenCV: record that the figure got there, and stop it (the reading
      // itself is tested elsewhere; here only who reaches it matters).
      reader: {
        ocr,
        opencv: () => {
          reached.add(current);
          throw new Error('reached the bitmap reader');
        },
      },
    };
    const warnings: string[] = [];
    const { timings } = await readBitmapFigures(candidates, bitmaps, warnings);
    expect(timings).toHaveLength(files.length);
    expect(ocr.calls).toBe(0);
    candidates.forEach(({ found }, i) => {
      const accepted = verdicts[i]!.architecture >= 0.5;
      expect(found.classified?.read, files[i]).toBe(accepted);
      expect(reached.has(i + 1), `${files[i]}: P(architecture) ${verdicts[i]!.architecture.toFixed(2)}`).toBe(accepted);
      if (!accepted) expect(found.verdict?.reason).toMatch(/^bitmap: not an architecture drawing/);
    });
    expect(warnings).toHaveLength(reached.size);
    // Both branches are exercised: the real negatives are turned away, the drawings go on to the reader.
    expect(files.length - reached.size).toBeGreaterThanOrEqual(10);
    expect(reached.size).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('starts no OCR engine at all when every figure is rejected', async () => {
    const image = decodeImage(readFileSync(corpus + 'images/other/datendynam__KK_tSNE.png'), 'tsne.png');
    const bitmaps = {
      render: async () => image,
      classify: async (): Promise<Classification> => ({ architecture: 0.2, kind: 'flow2d', scores: {} as Classification['scores'] }),
      // Options, not an engine: tesseract would be started from these on the first accepted figure, and fail.
      reader: { ocr: { langPath: '/nonexistent/tessdata' } },
    };
    const list = [candidate(1, image), candidate(2, image)];
    const warnings: string[] = [];
    const { designs } = await readBitmapFigures(list, bitmaps, warnings);
    expect(designs).toEqual([]);
    expect(warnings).toEqual([]);
    expect(list.map((c) => c.found.verdict?.reason)).toEqual(['bitmap: not an architecture drawing (0.20)', 'bitmap: not an architecture drawing (0.20)']);
  });
});
