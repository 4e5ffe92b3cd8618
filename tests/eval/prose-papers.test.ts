/**
 * The architecture-prose reader on real papers: the design read from the text, layer by layer, against the
 * network the paper describes (reference layers written from the papers themselves), compared in order
 * (longest common subsequence → precision / recall of layer types; then, over the aligned layers, the share of
 * the params and map sizes the paper states that were read right). Numbers per paper are printed for the report.
 * Reads ../shared/corpus/pdf; figures are not read here, only tables and text.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferShapes, resolveParams, validateGraph, type Graph, type Layer } from '../../src/graph/index.ts';
import { extractDesigns, type Extraction } from '../../src/pipeline/extract.ts';

const corpus = new URL('../../../shared/corpus/pdf/', import.meta.url);

async function extract(name: string): Promise<Extraction> {
  return extractDesigns(new Uint8Array(readFileSync(new URL(name, corpus))), { figures: false });
}

/** A layer of the network a paper describes: its type, the params the paper states, its output side if stated. */
interface TruthLayer {
  type: string;
  params?: Record<string, number | string | number[]>;
  side?: number;
}

/** Longest common subsequence of two type sequences, as aligned index pairs. */
function align(a: string[], b: string[]): Array<[number, number]> {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

interface Score {
  precision: number;
  recall: number;
  /** Stated params and sides of the truth found equal in the aligned layer (missing layers count as misses). */
  params: number;
}

function score(g: Graph, truth: TruthLayer[]): Score {
  const read = types(g);
  const pairs = align(
    read,
    truth.map((t) => t.type),
  );
  const shapes = inferShapes(g);
  let total = 0;
  let right = 0;
  truth.forEach((t, j) => {
    const pair = pairs.find(([, b]) => b === j);
    const layer = pair ? g.layers[pair[0]] : undefined;
    const params = layer ? resolveParams(layer) : {};
    for (const [name, value] of Object.entries(t.params ?? {})) {
      total++;
      if (layer && JSON.stringify(params[name]) === JSON.stringify(value)) right++;
    }
    if (t.side !== undefined) {
      total++;
      if (layer && shapes.get(layer.id)?.[0] === t.side) right++;
    }
  });
  return { precision: read.length ? pairs.length / read.length : 0, recall: pairs.length / truth.length, params: total ? right / total : 1 };
}

const types = (g: Graph) => g.layers.map((l) => l.type);
const ofType = (g: Graph, type: string) => g.layers.filter((l) => l.type === type);
const textDesigns = (r: Extraction) => r.designs.filter((d) => d.source?.kind === 'text');
const pct = (x: number) => `${Math.round(x * 100)}%`;

function report(name: string, g: Graph, truth: TruthLayer[]): Score {
  const s = score(g, truth);
  console.log(
    `${name}: ${g.name} — LCS precision ${pct(s.precision)}, recall ${pct(s.recall)}, stated params right ${pct(s.params)}\n  read:  ${types(g).join(' ')}\n  truth: ${truth.map((t) => t.type).join(' ')}`,
  );
  return s;
}

function expectSourced(g: Graph): void {
  expect(
    validateGraph(g).filter((i) => i.severity === 'error'),
    g.name,
  ).toEqual([]);
  expect(() => inferShapes(g), g.name).not.toThrow();
  // Every layer the text states points at its sentence, on the page it is on.
  for (const layer of g.layers.filter((l: Layer) => !l.inferred?.includes('*') && l.type !== 'Input')) {
    expect(layer.source?.text, `${g.name} ${layer.id}`).toBeTruthy();
    expect(layer.source?.bbox, `${g.name} ${layer.id}`).toHaveLength(4);
    expect(layer.source?.page, `${g.name} ${layer.id}`).toBeGreaterThan(0);
  }
}

describe('alexnet.pdf: section 3.5 (with 3.3, 3.4 and 4.2)', () => {
  // Section 3.5: conv1 → LRN → max-pool, conv2 → LRN → max-pool, conv3, conv4, conv5 → max-pool, then three
  // fully connected layers (4096, 4096, 1000-way softmax), ReLU after every one but the last; section 3.3:
  // k = 2, n = 5, α = 1e-4, β = 0.75; section 3.4: pooling s = 2, z = 3; section 4.2: dropout (0.5) in the
  // first two fully connected layers. Map sides from the neuron counts in Figure 2's caption (27, 13, 13, 13).
  const relu = { activation: 'relu' };
  const lrn: TruthLayer = { type: 'LRN', params: { size: 5, alpha: 0.0001, beta: 0.75, k: 2 } };
  const pool: TruthLayer = { type: 'MaxPool2D', params: { pool: [3, 3], stride: [2, 2] } };
  const truth: TruthLayer[] = [
    { type: 'Input', params: { shape: [224, 224, 3] } },
    { type: 'Conv2D', params: { filters: 96, kernel: [11, 11], stride: [4, 4], ...relu } },
    lrn,
    pool,
    { type: 'Conv2D', params: { filters: 256, kernel: [5, 5], stride: [1, 1], ...relu }, side: 27 },
    lrn,
    pool,
    { type: 'Conv2D', params: { filters: 384, kernel: [3, 3], stride: [1, 1], ...relu }, side: 13 },
    { type: 'Conv2D', params: { filters: 384, kernel: [3, 3], stride: [1, 1], ...relu }, side: 13 },
    { type: 'Conv2D', params: { filters: 256, kernel: [3, 3], stride: [1, 1], ...relu }, side: 13 },
    pool,
    { type: 'Flatten' },
    { type: 'Dense', params: { units: 4096, ...relu } },
    { type: 'Dropout', params: { rate: 0.5 } },
    { type: 'Dense', params: { units: 4096, ...relu } },
    { type: 'Dropout', params: { rate: 0.5 } },
    { type: 'Dense', params: { units: 1000, activation: 'softmax' } },
  ];
  let g: Graph;
  beforeAll(async () => {
    const designs = textDesigns(await extract('alexnet.pdf'));
    expect(designs).toHaveLength(1);
    g = designs[0];
  });

  it('reads the layer sequence in order', () => {
    const s = report('alexnet.pdf', g, truth);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.params).toBeGreaterThanOrEqual(0.95);
  });

  it('takes pooling, normalization, dropout and ReLU from the sentences that state them', () => {
    // Section 3.4: "s = 2 and z = 3" with s the spacing and z the window.
    for (const pool of ofType(g, 'MaxPool2D')) {
      expect(pool.params, pool.id).toMatchObject({ pool: [3, 3], stride: [2, 2] });
      expect(pool.inferred ?? [], pool.id).not.toContain('pool');
      expect(pool.source?.text, pool.id).toMatch(/follow/);
    }
    // Section 3.3: "k = 2, n = 5, α = 10−4, and β = 0.75".
    expect(ofType(g, 'LRN')[0].params).toMatchObject({ size: 5, alpha: 0.0001, beta: 0.75, k: 2 });
    // Section 4.2: "setting to zero the output of each hidden neuron with probability 0.5".
    expect(ofType(g, 'Dropout').map((l) => l.params?.rate)).toEqual([0.5, 0.5]);
    // "The ReLU non-linearity is applied to the output of every convolutional and fully-connected layer."
    for (const layer of [...ofType(g, 'Conv2D'), ...ofType(g, 'Dense').slice(0, 2)]) {
      expect(layer.params?.activation, layer.id).toBe('relu');
      expect(layer.inferred ?? [], layer.id).not.toContain('activation');
    }
    expect(g.layers.at(-1)?.params).toMatchObject({ units: 1000, activation: 'softmax' });
    expectSourced(g);
  });

  it('keeps the map sizes the neuron counts state (27×27×256 after conv2, 13×13 after conv3 to conv5)', () => {
    // "… the number of neurons in the network's remaining layers is given by 253,440–186,624–64,896–64,896–43,264–4096–4096–1000."
    const shapes = inferShapes(g);
    expect(
      ofType(g, 'Conv2D')
        .slice(1)
        .map((l) => shapes.get(l.id)),
    ).toEqual([
      [27, 27, 256],
      [13, 13, 384],
      [13, 13, 384],
      [13, 13, 256],
    ]);
    // conv2's padding is fixed by those sizes; conv1's and pool1's are not (two choices fit), so stay inferred.
    const [conv1, conv2] = ofType(g, 'Conv2D');
    expect(conv2.inferred ?? []).not.toContain('padding');
    expect(conv1.inferred).toContain('padding');
  });
});

describe('lenet5.pdf: section II-B, layers C1 to F6 and the output layer', () => {
  // "The input is a 32x32 pixel image" of grey levels; C1 (6 maps, 5×5, 28×28), S2 (2×2, 14×14), C3 (16, 5×5),
  // S4 (2×2, 5×5), C5 (120, 5×5, 1×1), F6 (84 units), units up to F6 squashed by a scaled tanh; an output
  // layer of one RBF unit per class (ten classes), read as a dense layer of 10.
  const tanh = { activation: 'tanh' };
  const truth: TruthLayer[] = [
    { type: 'Input', params: { shape: [32, 32, 1] } },
    { type: 'Conv2D', params: { filters: 6, kernel: [5, 5], ...tanh }, side: 28 },
    { type: 'AvgPool2D', params: { pool: [2, 2] }, side: 14 },
    { type: 'Conv2D', params: { filters: 16, kernel: [5, 5], ...tanh }, side: 10 },
    { type: 'AvgPool2D', params: { pool: [2, 2] }, side: 5 },
    { type: 'Conv2D', params: { filters: 120, kernel: [5, 5], ...tanh }, side: 1 },
    { type: 'Flatten' },
    { type: 'Dense', params: { units: 84, ...tanh } },
    { type: 'Dense', params: { units: 10 } },
  ];
  let designs: Graph[];
  let g: Graph;
  beforeAll(async () => {
    designs = textDesigns(await extract('lenet5.pdf'));
    g = designs.find((d) => ofType(d, 'Conv2D').length >= 3)!;
  });

  it('reads one design, in order', () => {
    expect(g).toBeDefined();
    const s = report('lenet5.pdf', g, truth);
    console.log(`lenet5.pdf: ${designs.length} text design(s): ${designs.map((d) => d.name).join('; ')}`);
    // Beside LeNet-5 the text states the fully connected networks it compares with ("28x28-300-100-10") and,
    // on p. 36, the five-layer network of its handwriting system ("layer one: convolution with eight kernels …").
    const convolutional = designs.filter((d) => d !== g && ofType(d, 'Conv2D').length > 0);
    expect(convolutional.map((d) => [d.source?.page, ofType(d, 'Conv2D').map((l) => l.params?.filters)])).toEqual([[36, [8, 25, 84]]]);
    for (const other of designs.filter((d) => d !== g && !convolutional.includes(d)))
      expect(other.layers.every((l) => ['Input', 'Flatten', 'Dense'].includes(l.type))).toBe(true);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.params).toBeGreaterThanOrEqual(0.95);
  });

  it('takes the input, the paddings and the output width from what the text states', () => {
    expect(g.layers[0].params?.shape).toEqual([32, 32, 1]);
    // 5×5 convolutions whose stated maps are 28×28 (from 32) and 1×1 (from 5): no padding.
    const shapes = inferShapes(g);
    for (const conv of ofType(g, 'Conv2D')) {
      expect(conv.params?.padding, conv.id).toBe('valid');
      expect(conv.inferred ?? [], conv.id).not.toContain('padding');
    }
    expect(ofType(g, 'Conv2D').map((l) => shapes.get(l.id)?.[0])).toEqual([28, 10, 1]);
    expect(ofType(g, 'AvgPool2D').map((l) => shapes.get(l.id)?.[0])).toEqual([14, 5]);
    expect(ofType(g, 'Dense').map((l) => l.params?.units)).toEqual([84, 10]);
    // "units in layers up to F6 … The squashing function is a scaled hyperbolic tangent".
    expect([...ofType(g, 'Conv2D'), ofType(g, 'Dense')[0]].map((l) => l.params?.activation)).toEqual(['tanh', 'tanh', 'tanh', 'tanh']);
    expectSourced(g);
  });
});

describe('unet.pdf: section 2 (with the caption of Fig. 1)', () => {
  // Section 2: repeated steps of two unpadded 3x3 convolutions with ReLU and a 2x2 max pooling with stride 2,
  // channels doubled per downsampling step; each expanding step a 2x2 up-convolution halving the channels, a
  // concatenation with the cropped contracting map, two 3x3 convolutions with ReLU; a final 1x1 convolution
  // from 64 channels; 23 convolutional layers in all. Fig. 1: 32x32 at the lowest resolution, 572 in, 388 out.
  const conv = (filters: number, side?: number): TruthLayer => ({
    type: 'Conv2D',
    params: { filters, kernel: [3, 3], padding: 'valid', activation: 'relu' },
    ...(side ? { side } : {}),
  });
  const pool: TruthLayer = { type: 'MaxPool2D', params: { pool: [2, 2], stride: [2, 2] } };
  const up = (filters: number, side: number): TruthLayer[] => [
    { type: 'Conv2DTranspose', params: { filters, kernel: [2, 2], stride: [2, 2] }, side },
    { type: 'Cropping2D', side },
    { type: 'Concat' },
  ];
  const truth: TruthLayer[] = [
    { type: 'Input', side: 572 },
    conv(64, 570),
    conv(64, 568),
    pool,
    conv(128, 282),
    conv(128, 280),
    pool,
    conv(256, 138),
    conv(256, 136),
    pool,
    conv(512, 66),
    conv(512, 64),
    { ...pool, side: 32 },
    conv(1024, 30),
    conv(1024, 28),
    ...up(512, 56),
    conv(512, 54),
    conv(512, 52),
    ...up(256, 104),
    conv(256, 102),
    conv(256, 100),
    ...up(128, 200),
    conv(128, 198),
    conv(128, 196),
    ...up(64, 392),
    conv(64, 390),
    conv(64, 388),
    { type: 'Conv2D', params: { kernel: [1, 1] }, side: 388 },
  ];
  let g: Graph;
  beforeAll(async () => {
    const designs = textDesigns(await extract('unet.pdf'));
    expect(designs).toHaveLength(1);
    g = designs[0];
  });

  it('reads the contracting and expanding steps, in order, with the sizes of Fig. 1', () => {
    const s = report('unet.pdf', g, truth);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.params).toBeGreaterThanOrEqual(0.95);
    expectSourced(g);
  });

  it('marks what the text leaves open and says where the rest came from', () => {
    // "In total the network has 23 convolutional layers": 4 steps; "64-component feature vector": first width.
    expect(ofType(g, 'Conv2D').length + ofType(g, 'Conv2DTranspose').length).toBe(23);
    expect(g.warnings?.join(' ')).toMatch(/4 steps.*23 convolutional layers/);
    expect(ofType(g, 'Conv2D')[0].inferred ?? []).not.toContain('filters');
    // The input size is derived from "32x32 pixels in the lowest resolution"; the class count is not stated.
    expect(g.layers[0].inferred).toContain('shape');
    expect(g.layers[0].source?.text).toMatch(/lowest resolution/);
    expect(g.layers.at(-1)?.inferred).toContain('filters');
    for (const crop of ofType(g, 'Cropping2D')) expect(crop.source?.text, crop.id).toMatch(/cropped feature map/);
  });
});

describe('the prose reader on papers whose designs come from tables', () => {
  it('adds no text design of its own, and gan_negative.pdf none at all', async () => {
    for (const name of ['vgg.pdf', 'resnet.pdf', 'mobilenet_v1.pdf', 'gan_negative.pdf']) {
      const result = await extract(name);
      const fused = result.designs.filter((d) => d.source?.also?.some((a) => a.kind === 'text')).length;
      console.log(`${name}: ${result.designs.length} design(s), ${textDesigns(result).length} from text alone, ${fused} with text fused in`);
      expect(textDesigns(result), name).toEqual([]);
    }
  });

  it("reads OverFeat's bounding-box regressor, which only its text states: two hidden layers of 4096 and 1024, then 4 outputs", async () => {
    const [regressor, ...others] = textDesigns(await extract('overfeat.pdf'));
    expect(others).toEqual([]);
    expect(ofType(regressor!, 'Dense').map((l) => l.params?.units)).toEqual([4096, 1024, 4]);
    expect(regressor!.source?.caption).toMatch(/bounding box/);
  });
});
