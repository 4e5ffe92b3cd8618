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
