/**
 * Connectors between boxes with thick borders (src/diagrams/raster/detect.ts): a border's anti-aliased outer edge,
 * one grey line along a whole side, is part of the box, not of the connector landing there. Left on the
 * connector it weighs more than the arrow head at the other end and turns the edge round (Keras 3 plots
 * drawn at a scale that puts a border on half pixels).
 */
import { describe, expect, it } from 'vitest';
import { nodeOpenCv } from '../../src/cli/figure.ts';
import { findConnectors } from '../../src/diagrams/raster/detect.ts';
import type { GreyImage } from '../../src/diagrams/raster/image.ts';
import { loadOpenCv } from '../../src/diagrams/raster/opencv.ts';

const { cv } = await loadOpenCv(nodeOpenCv);

function paint(image: GreyImage, x0: number, y0: number, x1: number, y1: number, level: number): void {
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) image.data[y * image.width + x] = level;
}

/** A box outlined 4 px thick from (x0, y0) to (x1, y1), with a one-pixel grey edge outside the outline. */
function thickBox(image: GreyImage, x0: number, y0: number, x1: number, y1: number): void {
  paint(image, x0 - 1, y0 - 1, x1 + 1, y1 + 1, 127);
  paint(image, x0, y0, x1, y1, 0);
  paint(image, x0 + 4, y0 + 4, x1 - 4, y1 - 4, 255);
}

describe('findConnectors', () => {
  it('an arrow between two thick-bordered boxes runs to the box its head touches', () => {
    const image: GreyImage = { width: 300, height: 200, data: new Uint8Array(300 * 200).fill(255) };
    thickBox(image, 50, 10, 250, 43);
    thickBox(image, 50, 100, 250, 150);
    // The shaft from the upper box down, the head (a filled triangle) on the lower box's top edge.
    paint(image, 149, 45, 150, 88, 0);
    for (let y = 89; y <= 98; y++) paint(image, 150 - Math.round((98 - y) / 2), y, 150 + Math.round((98 - y) / 2), y, 0);
    // The boxes as the contour finder gives them: a couple of pixels inside the outline's outer edge.
    const boxes = [
      { box: [52, 12, 248, 41] as [number, number, number, number], shape: 'rect' as const },
      { box: [52, 102, 248, 148] as [number, number, number, number], shape: 'rect' as const },
    ];
    const { edges } = findConnectors(cv, image, boxes);
    expect(edges.map((e) => [e.from, e.to, e.directed])).toEqual([[0, 1, true]]);
  });
});

describe('words on connectors', () => {
  it("keeps a word's last letter that touches the arrow head (draw_net's '16' whose 6 stands on the head)", () => {
    const image: GreyImage = { width: 300, height: 100, data: new Uint8Array(300 * 100).fill(255) };
    thickBox(image, 10, 30, 60, 70);
    thickBox(image, 240, 30, 290, 70);
    paint(image, 62, 49, 225, 51, 0);
    // The head: a triangle from x 225 (13 px tall) to its tip on the right box.
    for (let x = 225; x <= 238; x++) paint(image, x, 50 - Math.floor((238 - x) / 2), x, 50 + Math.floor((238 - x) / 2), 0);
    // "1" on its own, and a "6" whose foot touches the head's upper corner.
    paint(image, 214, 31, 216, 43, 0);
    paint(image, 219, 31, 227, 43, 0);
    const boxes = [
      { box: [12, 32, 58, 68] as [number, number, number, number], shape: 'rect' as const },
      { box: [242, 32, 288, 68] as [number, number, number, number], shape: 'rect' as const },
    ];
    const { edges, words } = findConnectors(cv, image, boxes);
    expect(edges).toHaveLength(1);
    expect(words).toHaveLength(1);
    expect(words[0]!.box[0]).toBe(214);
    expect(words[0]!.box[2]).toBeGreaterThanOrEqual(227);
    expect(words[0]!.box[2]).toBeLessThan(230);
  });
});

describe('words glued to a connector', () => {
  /** Two boxes one above the other, joined by a 2 px line with its head on the lower box. */
  function column(): { image: GreyImage; boxes: Array<{ box: [number, number, number, number]; shape: 'rect' }> } {
    const image: GreyImage = { width: 200, height: 200, data: new Uint8Array(200 * 200).fill(255) };
    thickBox(image, 50, 10, 150, 40);
    thickBox(image, 50, 150, 150, 180);
    paint(image, 99, 43, 100, 136, 0);
    for (let y = 137; y <= 147; y++) paint(image, 100 - Math.floor((147 - y) / 2), y, 100 + Math.floor((147 - y) / 2), y, 0);
    const boxes = [
      { box: [52, 12, 148, 38] as [number, number, number, number], shape: 'rect' as const },
      { box: [52, 152, 148, 178] as [number, number, number, number], shape: 'rect' as const },
    ];
    return { image, boxes };
  }

  it('finds a word whose letters all joined the line (small draw_net text beside a connector)', () => {
    const { image, boxes } = column();
    // Three "digits" 12 px tall, the first touching the line, all joined by a faint foot.
    paint(image, 101, 85, 103, 97, 0);
    paint(image, 106, 85, 112, 97, 0);
    paint(image, 115, 85, 121, 97, 0);
    paint(image, 101, 97, 121, 97, 0);
    const { edges, words } = findConnectors(cv, image, boxes);
    expect(edges).toHaveLength(1);
    expect(words).toHaveLength(1);
    expect(words[0]!.near).toEqual([{ edge: 0, gap: 0 }]);
    // Off the line (the crop read adds a pixel), over the digits.
    expect(words[0]!.box).toEqual([103, 85, 122, 98]);
  });

  it("grows a word over its first letter glued to the line, but not over the line ('\\165' was read)", () => {
    const { image, boxes } = column();
    paint(image, 101, 85, 103, 97, 0);
    paint(image, 106, 85, 112, 97, 0);
    paint(image, 115, 85, 121, 97, 0);
    const { words } = findConnectors(cv, image, boxes);
    expect(words.map((w) => w.box)).toEqual([[103, 85, 122, 98]]);
  });

  it('takes no word from a bare line and its arrow head', () => {
    const { image, boxes } = column();
    const { edges, words } = findConnectors(cv, image, boxes);
    expect(edges).toHaveLength(1);
    expect(words).toEqual([]);
  });
});
