/**
 * The text layer of a bitmap figure (src/diagrams/raster/textLayer.ts) on synthetic renders: the drawing goes,
 * the words stay. A neuron plot's mesh and circles are one piece of ink far taller than a line of text; its
 * labels are words under the columns. A flow of boxes keeps its labels and loses its outlines and arrows.
 */
import { describe, expect, it } from 'vitest';
import { resvgRasterizer } from '../../src/cli/synth.ts';
import { nodeOpenCv } from '../../src/cli/figure.ts';
import { loadOpenCv } from '../../src/diagrams/raster/opencv.ts';
import { greyOf, type GreyImage } from '../../src/diagrams/raster/image.ts';
import { textLayer } from '../../src/diagrams/raster/textLayer.ts';
import { createRandom, drawFigure, generateModel, getViz, type Box, type DrawnFigure } from '../../src/synth/index.ts';

const { cv } = await loadOpenCv(nodeOpenCv);
const viz = await getViz();

async function render(style: 'neurons' | 'flow2d', seed: number): Promise<{ figure: DrawnFigure; image: GreyImage; scale: number }> {
  const figure = drawFigure(style, generateModel(seed), createRandom(seed), viz);
  const rgba = await resvgRasterizer.rasterize(figure.svg, 1, figure.fonts);
  return { figure, image: greyOf(rgba), scale: rgba.width / figure.width };
}

/** Pixels darker than `level` inside a box given in the figure's units. */
function inkIn(image: GreyImage, box: Box, scale: number, level = 128): number {
  let ink = 0;
  const [x0, y0, x1, y1] = box.map((v) => Math.round(v * scale));
  for (let y = Math.max(0, y0!); y < Math.min(image.height, y1!); y++) {
    for (let x = Math.max(0, x0!); x < Math.min(image.width, x1!); x++) if (image.data[y * image.width + x]! < level) ink++;
  }
  return ink;
}

/** Labels clear of the drawing and of each other (a synth render may set two long ones touching). */
function looseLabels(figure: DrawnFigure): Box[] {
  const boxes = figure.nodes.flatMap((n) => n.texts.map((t) => t.box));
  const columns = figure.nodes.map((n) => n.box);
  // The mesh between two columns spans from one to the other, over the height of both.
  const meshes = columns.slice(1).map((b, k): Box => [columns[k]![2], Math.min(b[1], columns[k]![1]), b[0], Math.max(b[3], columns[k]![3])]);
  const apart = (a: Box, b: Box) => a[2] + 2 < b[0] || b[2] + 2 < a[0] || a[3] + 2 < b[1] || b[3] + 2 < a[1];
  return boxes.filter((b) => boxes.every((o) => o === b || apart(b, o)) && [...columns, ...meshes].every((d) => apart(b, d)));
}

describe('textLayer', () => {
  for (const seed of [3, 8]) {
    it(`neuron plot (seed ${seed}): the columns and their mesh are painted out (85% of their ink at least), every label under a column keeps its ink`, async () => {
      const { figure, image, scale } = await render('neurons', seed);
      const { image: layer, glyphHeight } = textLayer(cv, image);
      expect(glyphHeight).toBeGreaterThan(5);
      expect(glyphHeight).toBeLessThan(40);
      // Of the columns and the mesh between them little is left: a neuron the hairlines do not reach stays, as
      // small as a glyph.
      const columns = figure.nodes.map((n) => n.box);
      let [drawn, left] = [0, 0];
      for (let k = 1; k < columns.length; k++) {
        const mesh: Box = [columns[k - 1]![0], columns[k]![1], columns[k]![2], columns[k]![3]];
        drawn += inkIn(image, mesh, scale, 230);
        left += inkIn(layer, mesh, scale, 230);
      }
      expect(drawn).toBeGreaterThan(0);
      expect(left).toBeLessThan(0.15 * drawn);
      const labels = looseLabels(figure);
      expect(labels.length).toBeGreaterThan(2);
      for (const label of labels) expect(inkIn(layer, label, scale)).toBeGreaterThanOrEqual(0.9 * inkIn(image, label, scale));
    });
  }

  it('flow of boxes: the words inside the boxes stay, the outlines and arrows between the boxes go', async () => {
    const { figure, image, scale } = await render('flow2d', 5);
    const { image: layer } = textLayer(cv, image);
    for (const node of figure.nodes) {
      for (const text of node.texts) expect(inkIn(layer, text.box, scale)).toBeGreaterThanOrEqual(0.9 * inkIn(image, text.box, scale));
      // The outline: a thin band along the box's top side, clear of its text.
      const [x0, y0, x1] = node.box;
      const top: Box = [x0 + 6, y0 - 2, x1 - 6, y0 + 2];
      expect(inkIn(image, top, scale, 230)).toBeGreaterThan(0);
      expect(inkIn(layer, top, scale, 230)).toBe(0);
    }
    for (const edge of figure.edges) {
      const [a, b] = [edge.tail, edge.head];
      const mid: Box = [Math.min(a[0], b[0]) + 3, Math.min(a[1], b[1]) - 1, Math.max(a[0], b[0]) - 3, Math.max(a[1], b[1]) + 1];
      if (mid[2] > mid[0] && mid[3] > mid[1]) expect(inkIn(layer, mid, scale, 230)).toBe(0);
    }
  });
});
