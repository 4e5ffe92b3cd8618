/**
 * Real papers → designs, checked against what the papers themselves state (their tables and text).
 * Reads ../shared/corpus/pdf; numbers per paper are printed for the report.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferShapes, validateGraph, type Graph, type Layer } from '../../src/graph/index.ts';
import { extractDesigns, type Extraction } from '../../src/pipeline/extract.ts';

const corpus = new URL('../../../shared/corpus/pdf/', import.meta.url);
const results = new Map<string, Extraction>();

async function extract(name: string): Promise<Extraction> {
  const cached = results.get(name);
  if (cached) return cached;
  const started = performance.now();
  const result = await extractDesigns(new Uint8Array(readFileSync(new URL(name, corpus))));
  const ms = performance.now() - started;
  console.log(
    `${name}: ${result.designs.length} design(s) in ${ms.toFixed(0)} ms — ${result.designs.map((d) => `${d.name} [${d.source?.kind}, ${d.layers.length} layers, conf ${d.confidence}]`).join('; ')}`,
  );
  results.set(name, result);
  return result;
}

const stated = (l: Layer) => !l.inferred?.includes('*');
const ofType = (g: Graph, ...types: string[]) => g.layers.filter((l) => types.includes(l.type));
const filters = (g: Graph) =>
  ofType(g, 'Conv2D')
    .filter(stated)
    .map((l) => l.params?.filters);
const units = (g: Graph) => ofType(g, 'Dense').map((l) => l.params?.units);
const byName = (r: Extraction, text: string) => r.designs.find((d) => d.name.endsWith(`: ${text}`) || d.name.includes(`: ${text} `));

function expectValid(result: Extraction): void {
  for (const design of result.designs) {
    expect(
      validateGraph(design).filter((i) => i.severity === 'error'),
      design.name,
    ).toEqual([]);
    expect(() => inferShapes(design), design.name).not.toThrow();
    expect(design.source?.page, design.name).toBeGreaterThan(0);
    expect(design.confidence, design.name).toBeGreaterThan(0);
  }
}

describe('vgg.pdf: Table 1, configurations in columns', () => {
  // Table 1 of the paper: conv widths per configuration (M = max-pool), then FC-4096, FC-4096, FC-1000.
  const truth: Record<string, Array<number | 'M'>> = {
    A: [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    'A-LRN': [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    B: [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    C: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
    D: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
    E: [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 256, 'M', 512, 512, 512, 512, 'M', 512, 512, 512, 512, 'M'],
  };
  let result: Extraction;
  beforeAll(async () => {
    result = await extract('vgg.pdf');
  });

  it('finds six designs, A to E, all from Table 1', () => {
    expect(result.designs).toHaveLength(6);
    for (const name of Object.keys(truth)) expect(byName(result, name), name).toBeDefined();
    expect(result.designs.every((d) => d.source?.kind === 'table' && d.source.page === 3)).toBe(true);
  });

  it('matches the conv/pool sequence, kernels and FC sizes of each configuration', () => {
    for (const [name, sequence] of Object.entries(truth)) {
      const g = byName(result, name)!;
      const seq = g.layers.filter((l) => l.type === 'Conv2D' || l.type === 'MaxPool2D').map((l) => (l.type === 'MaxPool2D' ? 'M' : l.params?.filters));
      expect(seq, name).toEqual(sequence);
      expect(units(g), name).toEqual([4096, 4096, 1000]);
      expect(g.layers.at(-1)?.params?.activation, name).toBe('softmax');
      expect(g.layers[0].params?.shape, name).toEqual([224, 224, 3]);
    }
    // C's 1×1 convolutions are the only kernel difference from D.
    const kernelsC = ofType(byName(result, 'C')!, 'Conv2D').map((l) => (l.params?.kernel as number[])[0]);
    expect(kernelsC.filter((k) => k === 1)).toHaveLength(3);
    expect(ofType(byName(result, 'A-LRN')!, 'LRN')).toHaveLength(1);
  });

  it('marks what the table leaves implicit as inferred, and takes what the text states from the text', () => {
    const a = byName(result, 'A')!;
    const conv = ofType(a, 'Conv2D')[0];
    // Section 2.1: "All hidden layers are equipped with the rectification (ReLU ...) non-linearity."
    expect(conv.params?.activation).toBe('relu');
    expect(conv.inferred).toBeUndefined();
    expect(a.source?.also?.map((s) => s.caption)).toContainEqual(expect.stringMatching(/^All hidden layers are equipped with the rectification/));
    expect(conv.params?.padding).toBe('same');
    expect(conv.source?.text).toBe('conv3-64');
    // Section 2.1: "Max-pooling is performed over a 2 × 2 pixel window, with stride 2."
    const pool = ofType(a, 'MaxPool2D')[0];
    expect(pool.params).toMatchObject({ pool: [2, 2], stride: [2, 2] });
    expect(pool.inferred).toBeUndefined();
    expect(a.source?.also?.map((s) => s.kind)).toEqual(['text', 'text', 'text']);
    expect(a.source?.also?.[0].caption).toMatch(/2 × 2 pixel window/);
    expectValid(result);
  });
});

describe('resnet.pdf: Table 1, bracketed blocks ×n', () => {
  // Stated convolutions (layers minus the FC) and one Add per block.
  const truth: Record<string, { convs: number; adds: number }> = {
    '18-layer': { convs: 17, adds: 8 },
    '34-layer': { convs: 33, adds: 16 },
    '50-layer': { convs: 49, adds: 16 },
    '101-layer': { convs: 100, adds: 33 },
    '152-layer': { convs: 151, adds: 50 },
  };
  let result: Extraction;
  beforeAll(async () => {
    result = await extract('resnet.pdf');
  });

  it('finds the five networks with the right number of convolutions and residual Adds', () => {
    expect(result.designs.filter((d) => d.source?.kind === 'table')).toHaveLength(5);
    for (const [name, { convs, adds }] of Object.entries(truth)) {
      const g = byName(result, name)!;
      expect(g, name).toBeDefined();
      expect(ofType(g, 'Conv2D').filter(stated), name).toHaveLength(convs);
      expect(ofType(g, 'Add'), name).toHaveLength(adds);
      expect(units(g), name).toEqual([1000]);
      // "We adopt batch normalization (BN) right after each convolution and before activation."
      expect(ofType(g, 'BatchNorm'), name).toHaveLength(ofType(g, 'Conv2D').length);
      for (const conv of ofType(g, 'Conv2D')) expect(g.layers.find((l) => l.inputs?.includes(conv.id))?.type).toBe('BatchNorm');
    }
  });

  it('downsamples where the stated output sizes say so and ends at 7×7 before global pooling', () => {
    for (const name of Object.keys(truth)) {
      const g = byName(result, name)!;
      const shapes = inferShapes(g);
      const gap = ofType(g, 'GlobalAvgPool2D')[0];
      expect(shapes.get(gap.inputs![0]), name).toEqual([7, 7, name === '18-layer' || name === '34-layer' ? 512 : 2048]);
      expect(g.layers[0].params?.shape).toEqual([224, 224, 3]);
    }
    expectValid(result);
  });
});

describe('mobilenet_v1.pdf: Table 1, one layer per row with a 5× row', () => {
  let g: Graph;
  let result: Extraction;
  beforeAll(async () => {
    result = await extract('mobilenet_v1.pdf');
    g = result.designs.find((d) => d.source?.caption?.startsWith('Table 1'))!;
  });

  it('reads depthwise and pointwise convolutions, expanding the 5× row', () => {
    expect(g).toBeDefined();
    expect(ofType(g, 'DepthwiseConv2D')).toHaveLength(13);
    const convs = ofType(g, 'Conv2D');
    expect(convs).toHaveLength(14);
    expect(convs.slice(1).every((l) => (l.params?.kernel as number[])[0] === 1)).toBe(true);
    expect(convs.map((l) => l.params?.filters)).toEqual([32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024]);
    // "All layers are followed by a batchnorm and ReLU nonlinearity" (the FC excepted).
    expect(ofType(g, 'BatchNorm')).toHaveLength(27);
    expect(ofType(g, 'Activation')).toHaveLength(27);
  });

  it('keeps the strides of the table, and the sizes it states', () => {
    const strides = ofType(g, 'DepthwiseConv2D').map((l) => (l.params?.stride as number[])[0]);
    expect(strides.slice(0, 12)).toEqual([1, 2, 1, 2, 1, 2, 1, 1, 1, 1, 1, 2]);
    expect((ofType(g, 'Conv2D')[0].params?.stride as number[])[0]).toBe(2);
    const shapes = inferShapes(g);
    expect(shapes.get(ofType(g, 'AvgPool2D')[0].id)).toEqual([1, 1, 1024]);
    expect(units(g)).toEqual([1000]);
    expectValid(result);
  });
});

describe('overfeat.pdf: Tables 1 and 3, one layer per column', () => {
  let result: Extraction;
  beforeAll(async () => {
    result = await extract('overfeat.pdf');
  });

  it('reads the fast and the accurate model column by column', () => {
    const fast = result.designs.find((d) => d.source?.caption?.startsWith('Table 1'))!;
    const accurate = result.designs.find((d) => d.source?.caption?.startsWith('Table 3'))!;
    expect(filters(fast)).toEqual([96, 256, 512, 1024, 1024]);
    expect(ofType(fast, 'Conv2D').map((l) => (l.params?.kernel as number[])[0])).toEqual([11, 5, 3, 3, 3]);
    expect((ofType(fast, 'Conv2D')[0].params?.stride as number[])[0]).toBe(4);
    expect(ofType(fast, 'MaxPool2D')).toHaveLength(3);
    expect(units(fast)).toEqual([3072, 4096, 1000]);
    expect(filters(accurate)).toEqual([96, 256, 512, 512, 1024, 1024]);
    expect(units(accurate)).toEqual([4096, 4096, 1000]);
    expect(fast.layers[0].params?.shape).toEqual([231, 231, 3]);
    expectValid(result);
  });
});

describe('gan_negative.pdf: results tables only', () => {
  it('reports no design at all', async () => {
    const result = await extract('gan_negative.pdf');
    expect(result.regions.some((r) => r.kind === 'table')).toBe(true);
    expect(result.designs).toEqual([]);
  });

  it('never reports a results table as a design in the other papers', async () => {
    for (const name of ['vgg.pdf', 'resnet.pdf', 'mobilenet_v1.pdf', 'overfeat.pdf']) {
      const result = await extract(name);
      const captions = result.designs.filter((d) => d.source?.kind === 'table').map((d) => d.source!.caption!.slice(0, 8));
      expect(
        captions.every((c) => /^Table [13][.:]/.test(c)),
        `${name}: ${captions.join(', ')}`,
      ).toBe(true);
    }
  });
});

describe('prose: alexnet.pdf, lenet5.pdf, unet.pdf', () => {
  it('alexnet.pdf: the five convolutions stated in section 3.5, in order', async () => {
    const result = await extract('alexnet.pdf');
    const text = result.designs.find((d) => d.source?.kind === 'text' && filters(d).length >= 5)!;
    expect(text).toBeDefined();
    expect(filters(text)).toEqual([96, 256, 384, 384, 256]);
    expect(ofType(text, 'Conv2D').map((l) => (l.params?.kernel as number[])[0])).toEqual([11, 5, 3, 3, 3]);
    expect(text.layers[0].params?.shape).toEqual([224, 224, 3]);
    // "The fully-connected layers have 4096 neurons each" and, stated earlier, "fed to a 1000-way softmax".
    expect(units(text)).toEqual([4096, 4096, 1000]);
    expect(text.layers.at(-1)?.params?.activation).toBe('softmax');
    expect(text.layers.at(-1)?.inferred).toBeUndefined();
    // "Response-normalization layers follow the first and second convolutional layers. Max-pooling layers …
    // follow both response-normalization layers as well as the fifth convolutional layer."
    expect(ofType(text, 'LRN')).toHaveLength(2);
    expect(ofType(text, 'MaxPool2D')).toHaveLength(3);
    // "We use dropout in the first two fully-connected layers."
    expect(ofType(text, 'Dropout')).toHaveLength(2);
    expectValid(result);
  });

  it('lenet5.pdf: C1, C3, C5, F6 and the output layer from the layer descriptions; the compared MLPs once each; the handwriting network of p. 36', async () => {
    const result = await extract('lenet5.pdf');
    const text = result.designs.find((d) => filters(d).join() === '6,16,120');
    expect(text).toBeDefined();
    expect(units(text!)).toEqual([84, 10]);
    // "The input is a 32x32 pixel image", of grey levels.
    expect(text!.layers[0].params?.shape).toEqual([32, 32, 1]);
    // The other text designs: the fully connected networks the paper compares with, each stated once, and the
    // five-layer network of its handwriting system (p. 36: "layer one: convolution with eight kernels …").
    const others = result.designs.filter((d) => d.source?.kind === 'text' && d !== text);
    const convolutional = others.filter((d) => filters(d).length > 0);
    expect(convolutional.map((d) => [d.source?.page, filters(d).join()])).toEqual([[36, '8,25,84']]);
    expect(
      others
        .filter((d) => !convolutional.includes(d))
        .map((d) => units(d).join('-'))
        .sort(),
    ).toEqual(['1000-150-10', '300-100-10']);
    expectValid(result);
  });

  it('unet.pdf: the contracting and expanding steps of section 2, 572 in and 388 out', async () => {
    const result = await extract('unet.pdf');
    expect(result.regions.filter((r) => r.kind.startsWith('figure')).length).toBeGreaterThan(0);
    const text = result.designs.filter((d) => d.source?.kind === 'text');
    expect(text).toHaveLength(1);
    const g = text[0];
    // "At each downsampling step we double the number of feature channels", from the 64 the final layer maps from.
    expect(
      ofType(g, 'Conv2D')
        .map((l) => l.params?.filters)
        .slice(0, 10),
    ).toEqual([64, 64, 128, 128, 256, 256, 512, 512, 1024, 1024]);
    expect(ofType(g, 'Conv2DTranspose').map((l) => l.params?.filters)).toEqual([512, 256, 128, 64]);
    // "In total the network has 23 convolutional layers"; the skips are the "correspondingly cropped" maps.
    expect(ofType(g, 'Conv2D', 'Conv2DTranspose')).toHaveLength(23);
    expect(ofType(g, 'Cropping2D')).toHaveLength(4);
    const shapes = inferShapes(g);
    expect(shapes.get('input')?.slice(0, 2)).toEqual([572, 572]);
    expect(shapes.get(g.layers.at(-1)!.id)?.slice(0, 2)).toEqual([388, 388]);
    expectValid(result);
  });
});
