/**
 * Plots scaled down to fit (a long draw_net or Keras 3 plot drawn into 4096 px): text lines 6–8 px tall on coloured
 * fills, connectors thinner than a pixel. Each figure is the one `paper2net synth --seed 7 --max-side 4096` draws at
 * that index, read back as `paper2net figure` reads it and scored as eval synth scores it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOcrOptions, nodeOpenCv } from '../../src/cli/figure.ts';
import { resvgRasterizer } from '../../src/cli/synth.ts';
import { createOcr, readFigure, type FigureReading, type Ocr } from '../../src/diagrams/index.ts';
import { scoreFigure, type FigureScore } from '../../src/eval/index.ts';
import { getViz, renderSample, type FigureStyle, type Sample } from '../../src/synth/index.ts';

const viz = await getViz();
let ocr: Ocr;
beforeAll(async () => {
  ocr = await createOcr(nodeOcrOptions());
});
afterAll(async () => {
  await ocr?.terminate();
});

async function readSample(index: number, style: FigureStyle): Promise<{ sample: Sample; reading: FigureReading; score: FigureScore }> {
  // Fitted into 4096 px as `synth --max-side 4096` draws it (the default keeps the tools' own size): a plot scaled
  // down, as a page or a screen shows it.
  const sample = await renderSample(7, index, [style], { viz, rasterizer: resvgRasterizer }, { maxSide: 4096 });
  const reading = await readFigure({ kind: 'image', bytes: sample.png, name: `${index}-${style}` }, { ocr, opencv: nodeOpenCv });
  const { truth } = sample;
  return { sample, reading, score: scoreFigure({ graph: truth.graph!, nodes: truth.nodes, edges: truth.edges }, reading.graph) };
}

describe('small text and thin connectors of scaled-down plots', () => {
  it('reads a 43-layer draw_net plot drawn at half size: its types, misread beyond one typo, and its in-place Dropouts', async () => {
    const { sample, score } = await readSample(3, 'caffe');
    // The plot is fitted into 4096 px: its labels are two lines in boxes about 23 px tall.
    expect(sample.truth.width).toBe(4096);
    expect(sample.truth.variation.scale).toBeLessThan(0.6);
    expect(score.truthLayers).toBe(43);
    // Measured 0.93 layers and 0.84 edges (0.12 and 0.00 when the crops were thresholded against a white frame).
    expect(score.layers).toBeGreaterThanOrEqual(0.85);
    expect(score.edges).toBeGreaterThanOrEqual(0.75);
  });

  it('joins a blob to both of its branches when the thin diagonal connectors come out of anti-aliasing as dashes', async () => {
    const { reading } = await readSample(5, 'caffe');
    const layers = reading.graph.layers;
    const pool = layers.find((l) => l.type === 'MaxPool2D')!;
    // The pooling's blob feeds two Flatten layers, and a Concat joins them again.
    const flattens = layers.filter((l) => l.type === 'Flatten' && l.inputs?.[0] === pool.id);
    expect(flattens).toHaveLength(2);
    const concat = layers.find((l) => l.type === 'Concat' && flattens.every((f) => l.inputs?.includes(f.id)));
    expect(concat).toBeDefined();
  });

  it('reads a Keras 3 plot whose records hold lines 6 px tall under black headers', async () => {
    const { sample, score } = await readSample(0, 'keras3');
    expect(sample.truth.variation.scale).toBe(0.75);
    // Measured 0.80 (0.40 when the letters' rows ran together and the crops were not scaled up).
    expect(score.layers).toBeGreaterThanOrEqual(0.7);
  });
});
