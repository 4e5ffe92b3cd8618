/**
 * Node boxes in a bitmap diagram (src/diagrams/raster/detect.ts, findBoxes): light fills on noisy paper with their
 * connectors glued on (draw_net's in-place layers, #90EE90 = grey 199), and a box as wide as a narrow image.
 */
import { describe, expect, it } from 'vitest';
import { nodeOpenCv } from '../../src/cli/figure.ts';
import { findBoxes } from '../../src/diagrams/raster/detect.ts';
import type { GreyImage } from '../../src/diagrams/raster/image.ts';
import { loadOpenCv } from '../../src/diagrams/raster/opencv.ts';

const { cv } = await loadOpenCv(nodeOpenCv);

/** Paper with deterministic grey noise of ±noise/2 levels (the synth's σ 2–8 paper noise) on every painted level. */
function paper(width: number, height: number, noise = 0): GreyImage & { noise: Int8Array } {
  let seed = 12345;
  const grain = Int8Array.from({ length: width * height }, () => Math.floor(((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * noise));
  const image = { width, height, data: new Uint8Array(width * height), noise: grain };
  paint(image, 0, 0, width - 1, height - 1, 255);
  return image;
}

/** Paints [x0, x1] × [y0, y1] at `level`, with the paper's noise. */
function paint(image: ReturnType<typeof paper>, x0: number, y0: number, x1: number, y1: number, level: number): void {
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) image.data[y * image.width + x] = Math.max(0, Math.min(255, level + image.noise[y * image.width + x]!));
}

/** A filled box with a one-pixel border, text-like dark strokes inside. */
function filledBox(image: ReturnType<typeof paper>, x0: number, y0: number, x1: number, y1: number, fill: number, border: number): void {
  paint(image, x0, y0, x1, y1, border);
  paint(image, x0 + 1, y0 + 1, x1 - 1, y1 - 1, fill);
  for (let x = x0 + 8; x < x1 - 8; x += 4) paint(image, x, y0 + 9, x + 1, y1 - 9, 40);
}

/** An arrow down onto (x, y): a one-pixel shaft from `from` and a head 9 px wide and 8 tall. */
function arrowDown(image: ReturnType<typeof paper>, x: number, from: number, y: number): void {
  paint(image, x, from, x, y - 8, 60);
  for (let k = 0; k < 8; k++) paint(image, x - Math.floor((8 - k) / 2), y - 8 + k, x + Math.floor((8 - k) / 2), y - 8 + k, 60);
}

const overlap = (a: readonly number[], b: readonly number[]) =>
  Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!)) * Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));

describe('findBoxes', () => {
  it('a light-filled box with a faint border on noisy paper, arrows glued to its top and bottom, is one rect', () => {
    const image = paper(200, 160, 24);
    // A small draw_net in-place layer drawn at 0.7 px per point: fill 199, its border anti-aliased to grey 130.
    filledBox(image, 60, 60, 141, 89, 199, 130);
    arrowDown(image, 80, 10, 59);
    arrowDown(image, 120, 10, 59);
    paint(image, 100, 90, 100, 150, 60);
    const boxes = findBoxes(cv, image);
    const hits = boxes.filter((b) => overlap(b.box, [60, 60, 141, 89]) > 0);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.shape).toBe('rect');
    expect(overlap(hits[0]!.box, [60, 60, 141, 89])).toBeGreaterThan(0.9 * 81 * 29);
  });

  it('a box reaching within a few pixels of both sides of a narrow image is a node; a frame round the image is not', () => {
    const image = paper(263, 200);
    // The widest layer of a narrow top-to-bottom plot, and a narrower one under it.
    filledBox(image, 2, 20, 260, 58, 0, 0);
    paint(image, 4, 22, 258, 56, 255);
    filledBox(image, 60, 120, 200, 158, 0, 0);
    paint(image, 62, 122, 198, 156, 255);
    expect(findBoxes(cv, image).map((b) => b.box[0])).toContain(2);
    const framed = paper(263, 200);
    paint(framed, 0, 0, 262, 199, 0);
    paint(framed, 2, 2, 260, 197, 255);
    filledBox(framed, 60, 80, 200, 118, 0, 0);
    paint(framed, 62, 82, 198, 116, 255);
    expect(findBoxes(cv, framed).map((b) => b.box)).toEqual([[60, 80, 201, 119]]);
  });
});

describe('findBoxes on a row of boxes', () => {
  it('boxes joined by short connectors stay apart: the row’s outline, full and four-cornered at its length, is notched', () => {
    const image = paper(1700, 120);
    // Five outlined boxes 300 × 60, 27 px apart, each joined to the next by a 2 px connector at mid-height.
    for (let k = 0; k < 5; k++) {
      const x = 10 + k * 327;
      filledBox(image, x, 30, x + 299, 89, 255, 0);
      paint(image, x + 1, 31, x + 298, 88, 255);
      paint(image, x + 2, 32, x + 297, 87, 0);
      paint(image, x + 4, 34, x + 295, 85, 255);
      if (k < 4) paint(image, x + 300, 59, x + 326, 60, 0);
    }
    const boxes = findBoxes(cv, image).filter((b) => b.shape === 'rect');
    expect(boxes.map((b) => Math.round((b.box[0] - 10) / 327)).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const b of boxes) expect(b.box[2] - b.box[0]).toBeLessThan(320);
  });
});
