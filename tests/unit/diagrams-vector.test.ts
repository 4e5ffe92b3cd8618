/** The vector figure path: boxes, connectors and arrow heads of a page model → a graph. */
import { describe, expect, it } from 'vitest';
import { readFigure } from '../../src/diagrams/index.ts';
import { validateGraph } from '../../src/graph/index.ts';
import type { Box, Page, PathItem, TextItem } from '../../src/paper/index.ts';

const text = (str: string, x: number, y: number): TextItem => ({ str, box: [x, y, x + str.length * 4.5, y + 9], size: 9, font: 'f1', rotated: false });
const rect = (box: Box, kind: PathItem['kind'] = 'rect'): PathItem => ({ kind, box, stroked: true, filled: false });
const line = (box: Box): PathItem => ({ kind: 'line', box, stroked: true, filled: false });
const head = (box: Box): PathItem => ({ kind: 'shape', box, stroked: true, filled: true });

/** A draw_net-like page, left to right: conv1 → [conv1 blob] ⇄ relu1 (in place) → pool1, num_output on the first edge. */
function caffePage(): Page {
  return {
    number: 3,
    width: 600,
    height: 300,
    texts: [
      text('conv1', 20, 100),
      text('(Convolution)', 12, 111),
      text('kernel size: 5', 12, 122),
      text('20', 105, 100),
      text('conv1', 160, 108),
      text('relu1', 160, 190),
      text('(ReLU)', 158, 201),
      text('pool1', 290, 100),
      text('(MAX Pooling)', 280, 111),
      text('kernel size: 2', 280, 122),
      text('stride: 2', 290, 133),
    ],
    paths: [
      rect([10, 95, 80, 140]),
      rect([150, 100, 200, 125], 'shape'),
      rect([150, 185, 200, 215]),
      rect([275, 95, 350, 145]),
      // conv1 → blob: line with its head at the blob.
      line([80, 112, 144, 113]),
      head([144, 108, 150, 117]),
      // blob → relu1 and back.
      line([165, 125, 166, 179]),
      head([162, 179, 169, 185]),
      line([185, 131, 186, 185]),
      head([182, 125, 189, 131]),
      // blob → pool1.
      line([200, 112, 269, 113]),
      head([269, 108, 275, 117]),
    ],
    images: [],
  };
}

describe('vector figures', () => {
  it('bridges blobs, chains in-place layers and reads num_output from the connector', async () => {
    const { graph, edges } = await readFigure({ kind: 'page', page: caffePage(), caption: 'Figure 1: a net' });
    expect(graph.layers.map((l) => l.type)).toEqual(['Input', 'Conv2D', 'Activation', 'MaxPool2D']);
    const [input, conv, relu, pool] = graph.layers;
    expect(conv).toMatchObject({ id: 'conv1', params: { filters: 20, kernel: [5, 5] }, inputs: [input!.id] });
    expect(relu).toMatchObject({ id: 'relu1', inputs: ['conv1'] });
    expect(pool).toMatchObject({ id: 'pool1', inputs: ['relu1'], params: { pool: [2, 2], stride: [2, 2] } });
    expect(input!.inferred).toEqual(['*']);
    expect(conv!.source).toMatchObject({ page: 3, bbox: [10, 95, 80, 140] });
    expect(graph.source).toMatchObject({ kind: 'figure', page: 3, caption: 'Figure 1: a net' });
    expect(edges.every((e) => e.directed)).toBe(true);
    expect(validateGraph(graph).filter((i) => i.severity === 'error')).toEqual([]);
    expect(graph.confidence).toBeGreaterThan(0.5);
  });

  it('follows arrow heads against the layout (a graph drawn bottom to top)', async () => {
    const page: Page = {
      number: 1,
      width: 200,
      height: 400,
      texts: [text('FC 10', 60, 50), text('FC 128', 60, 150), text('Flatten', 60, 250), text('Input 28x28x1', 40, 340)],
      paths: [
        rect([40, 40, 140, 65]),
        rect([40, 140, 140, 165]),
        rect([40, 240, 140, 265]),
        rect([30, 330, 150, 355]),
        line([90, 271, 91, 330]),
        head([86, 265, 95, 271]),
        line([90, 171, 91, 240]),
        head([86, 165, 95, 171]),
        line([90, 71, 91, 140]),
        head([86, 65, 95, 71]),
      ],
      images: [],
    };
    const { graph } = await readFigure({ kind: 'page', page });
    expect(graph.layers.map((l) => `${l.type}:${l.params?.units ?? ''}`)).toEqual(['Input:', 'Flatten:', 'Dense:128', 'Dense:10']);
  });

  it('falls back to free labels in reading order when no box holds text', async () => {
    const page: Page = {
      number: 2,
      width: 500,
      height: 200,
      texts: [text('64 64', 18, 133), text('conv1', 20, 150), text('224', 30, 60), text('conv2', 120, 150), text('fc6', 300, 150), text('fc7', 380, 150)],
      paths: [rect([10, 40, 60, 140], 'shape'), rect([110, 50, 150, 140], 'shape')],
      images: [],
    };
    const { graph, warnings } = await readFigure({ kind: 'page', page });
    const read = graph.layers.filter((l) => !l.inferred?.includes('*'));
    // "64 64" over "conv1": a block of two convolutions of 64 filters.
    expect(read.map((l) => `${l.type}:${l.params?.filters ?? ''}`)).toEqual(['Conv2D:64', 'Conv2D:64', 'Conv2D:', 'Dense:', 'Dense:']);
    expect(warnings.join(' ')).toMatch(/free labels/);
  });
});
