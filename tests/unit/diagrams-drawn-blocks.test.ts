/**
 * Drawn blocks found in the pixels: cuboid-like coloured slabs joined by arrows, as papers draw them. Paper closed
 * in by connectors (a skip arc over the blocks) is no face, and connectors as wide as a small figure's text go.
 */
import { describe, expect, it } from 'vitest';
import { nodeOpenCv } from '../../src/cli/figure.ts';
import { findDrawnBlocks, lineWidth } from '../../src/diagrams/raster/blocks.ts';
import type { RgbaPixels } from '../../src/diagrams/raster/image.ts';
import { loadOpenCv } from '../../src/diagrams/raster/opencv.ts';

const { cv } = await loadOpenCv(nodeOpenCv);

type Rgb = [number, number, number];
const INK: Rgb = [30, 30, 30];

function canvas(width: number, height: number): RgbaPixels {
  return { width, height, data: new Uint8Array(width * height * 4).fill(255) };
}

function fill(image: RgbaPixels, x0: number, y0: number, x1: number, y1: number, colour: Rgb): void {
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) image.data.set([...colour, 255], (y * image.width + x) * 4);
}

/** A slab: its face in `colour` inside an outline `line` px wide. */
function slab(image: RgbaPixels, x0: number, y0: number, x1: number, y1: number, colour: Rgb, line: number): void {
  fill(image, x0, y0, x1, y1, INK);
  fill(image, x0 + line, y0 + line, x1 - line, y1 - line, colour);
}

/** Slabs at `xs` (each `w` wide, from y 60 to 200) joined by arrows at mid height, all lines `line` px wide. */
function strip(xs: number[], w: number, colours: Rgb[], line: number): RgbaPixels {
  const image = canvas(xs[xs.length - 1]! + w + 40, 240);
  xs.forEach((x, k) => {
    slab(image, x, 60, x + w, 200, colours[k]!, line);
    if (k > 0) fill(image, xs[k - 1]! + w, 130, x, 130 + line, INK);
  });
  return image;
}

const sorted = (blocks: ReturnType<typeof findDrawnBlocks>) => [...blocks].sort((a, b) => a.box[0] - b.box[0]);

describe('findDrawnBlocks', () => {
  const yellow: Rgb = [255, 217, 102];
  const grey: Rgb = [238, 238, 238];
  const blue: Rgb = [159, 197, 232];

  it('a skip arc drawn over the middle block closes in paper, which is no face: three blocks, each its own colour', () => {
    const xs = [30, 130, 230];
    const image = strip(xs, 50, [grey, yellow, blue], 2);
    // The arc: up from the first block's top, across above the second, down onto the third.
    fill(image, 70, 20, 72, 60, INK);
    fill(image, 70, 20, 252, 22, INK);
    fill(image, 250, 20, 252, 60, INK);
    const blocks = sorted(findDrawnBlocks(cv, image, [], 12));
    expect(blocks).toHaveLength(3);
    expect(blocks.map((b) => b.fill)).toEqual([grey, yellow, blue]);
    blocks.forEach((b, k) => expect(b.box[0]).toBeCloseTo(xs[k]!, -1));
  });

  it('connectors as wide as a third of the text in a figure drawn small are opened away, not read as blocks', () => {
    const xs = [20, 60, 100, 140];
    const image = strip(xs, 9, [grey, yellow, yellow, blue], 3);
    expect(
      lineWidth(
        image.data.filter((_, i) => i % 4 === 0).map((v) => (v < 100 ? 255 : 0)),
        image.width,
        image.height,
        5,
      ),
    ).toBe(3);
    const blocks = sorted(findDrawnBlocks(cv, image, [], 5));
    expect(blocks).toHaveLength(4);
    blocks.forEach((b, k) => expect(b.box[0]).toBeCloseTo(xs[k]!, -1));
  });
});
