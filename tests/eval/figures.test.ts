/**
 * Figure reader on real diagrams and on synthetic renders: the layer-type sequence read from the figure
 * against the model file it was drawn from. Precision/recall count layers matched in order (longest common
 * subsequence of types, Input layers left out). Numbers are printed for the report.
 * FIGURE_SYNTH_COUNT (default 48) sets how many synthetic Keras/Caffe renders are read; 0 skips them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeOcrOptions, nodeOpenCv } from '../../src/cli/figure.ts';
import { createOcr, readFigure, type FigureReading, type Ocr } from '../../src/diagrams/index.ts';
import { BUILTIN_REFERENCES, lcsLength } from '../../src/eval/index.ts';
import { validateGraph, type Graph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { findRegions, readDocument } from '../../src/paper/index.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, corpus)));

interface Score {
  precision: number;
  recall: number;
  matched: number;
  read: number;
  truth: number;
}

const types = (g: Graph, ignore: string[] = []) => g.layers.map((l) => l.type).filter((t) => t !== 'Input' && !ignore.includes(t));

function score(read: Graph, truth: Graph, ignore: string[] = []): Score {
  const a = types(read, ignore);
  const b = types(truth, ignore);
  const matched = lcsLength(a, b);
  return { precision: a.length ? matched / a.length : 0, recall: b.length ? matched / b.length : 0, matched, read: a.length, truth: b.length };
}

const rows: string[] = [];
function report(name: string, s: Score, ms: number, extra = ''): void {
  rows.push(
    `${name.padEnd(44)} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  (${s.matched}/${s.read} read, ${s.truth} true)  ${(ms / 1000).toFixed(1)} s ${extra}`,
  );
}

const errorsOf = (g: Graph) => validateGraph(g).filter((i) => i.severity === 'error');
const truthOf = (path: string) => importModel(bytesOf(path), path);

let ocr: Ocr;
beforeAll(async () => {
  ocr = await createOcr(nodeOcrOptions());
});
afterAll(async () => {
  await ocr?.terminate();
  console.log(`\nfigure reader — layer types in order vs the model file\n${rows.join('\n')}`);
});

async function readImage(path: string): Promise<{ reading: FigureReading; ms: number }> {
  const started = performance.now();
  const reading = await readFigure({ kind: 'image', bytes: bytesOf(path), name: path }, { ocr, opencv: nodeOpenCv });
  return { reading, ms: performance.now() - started };
}

async function readPdf(path: string, pageNumber: number): Promise<{ reading: FigureReading; ms: number }> {
  const started = performance.now();
  const doc = await readDocument(bytesOf(path), { maxPages: pageNumber, drawings: 'all' });
  const page = doc.pages.find((p) => p.number === pageNumber)!;
  const regions = findRegions(page).filter((r) => r.kind === 'figure');
  const candidates = regions.length ? regions.map((r) => ({ bbox: r.box, caption: r.caption.text })) : [{ bbox: undefined, caption: undefined }];
  let best: FigureReading | undefined;
  for (const c of candidates) {
    const reading = await readFigure({ kind: 'page', page, ...(c.bbox ? { bbox: c.bbox } : {}), ...(c.caption ? { caption: c.caption } : {}) });
    if (!best || reading.graph.layers.length > best.graph.layers.length) best = reading;
  }
  return { reading: best!, ms: performance.now() - started };
}

describe('raster: real plot_model and draw_net images', () => {
  it('datendynam__model.png (Keras plot_model) matches cnn-handwriting model JSON', async () => {
    const { reading, ms } = await readImage('images/arch/datendynam__model.png');
    const s = score(reading.graph, truthOf('modeljson/cnn-handwriting__model_architecture.json'));
    report('datendynam__model.png (raster, Keras)', s, ms);
    expect(errorsOf(reading.graph)).toEqual([]);
    expect(s.recall).toBeGreaterThan(0.9);
    expect(s.precision).toBeGreaterThan(0.9);
    const convs = reading.graph.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.filters);
    expect(convs).toEqual([32, 32, 64, 64]);
  });

  it('kaijin1995__Net.png (Caffe draw_net) matches the VGG-Face prototxt', async () => {
    const { reading, ms } = await readImage('images/arch/kaijin1995__Net.png');
    const truth = truthOf('prototxt/mtcnn-vgg-face__VGG_FACE_deploy.prototxt');
    const s = score(reading.graph, truth);
    // num_output is written on the connectors: how many convolutions got their filters from there.
    const filters = (g: Graph) => g.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.filters);
    const read = filters(reading.graph);
    const right = filters(truth).filter((f, i) => read[i] === f).length;
    report('kaijin1995__Net.png (raster, Caffe)', s, ms, `conv filters right ${right}/${filters(truth).length}`);
    expect(s.recall).toBeGreaterThan(0.8);
    expect(reading.graph.layers.filter((l) => l.type === 'Conv2D')).toHaveLength(13);
    expect(right).toBeGreaterThanOrEqual(10);
  });

  it('amitesh-pa__model_plot.png (Keras U-Net) has its skip connections', async () => {
    const { reading, ms } = await readImage('images/arch/amitesh-pa__model_plot.png');
    const g = reading.graph;
    const merges = g.layers.filter((l) => l.type === 'Concat');
    const twoInputs = merges.filter((l) => l.inputs?.length === 2).length;
    const counts = ['Conv2D', 'MaxPool2D', 'Conv2DTranspose', 'Concat', 'Dropout'].map((t) => `${t} ${g.layers.filter((l) => l.type === t).length}`).join(', ');
    rows.push(`${'amitesh-pa__model_plot.png (raster, U-Net)'.padEnd(44)} ${counts}; Concat with 2 inputs: ${twoInputs}; ${(ms / 1000).toFixed(1)} s`);
    expect(merges.length).toBeGreaterThanOrEqual(3);
    expect(twoInputs).toBeGreaterThanOrEqual(3);
  });
});

describe('raster: paper-style drawings (labels turned, or written beside the drawing)', () => {
  it('ju-mcse-ai__vgg16.png (touching blocks with turned labels) reads the VGG-16 sequence', async () => {
    const { reading, ms } = await readImage('images/arch/ju-mcse-ai__vgg16.png');
    const s = score(reading.graph, truthOf('prototxt/vgg-benchmarks__vgg16_deploy.prototxt'), ['Activation', 'Dropout', 'Flatten']);
    report('ju-mcse-ai__vgg16.png (raster, turned labels)', s, ms);
    const count = (t: string) => reading.graph.layers.filter((l) => l.type === t).length;
    // One chain: the strips between dashed gaps are joined, so a single Input.
    expect(count('Input')).toBe(1);
    expect(count('MaxPool2D')).toBe(5);
    expect(count('Dense')).toBe(3);
    expect(count('Conv2D')).toBeGreaterThanOrEqual(12);
    expect(s.precision).toBeGreaterThan(0.9);
  });

  it('busyboxs__lenet.png (LeNet-5 paper figure) types its feature maps by the operations beneath', async () => {
    const { reading, ms } = await readImage('images/arch/busyboxs__lenet.png');
    const s = score(reading.graph, BUILTIN_REFERENCES.lenet5!, ['Flatten']);
    report('busyboxs__lenet.png (raster, free labels)', s, ms);
    const layers = reading.graph.layers.filter((l) => l.type === 'Conv2D' || l.type === 'AvgPool2D');
    expect(layers.map((l) => l.type)).toEqual(['Conv2D', 'AvgPool2D', 'Conv2D', 'AvgPool2D']);
    // "6@28x28" after a 32x32 input: 6 filters of 5x5 (inferred from the sizes).
    expect(layers[0]!.params).toMatchObject({ filters: 6, kernel: [5, 5] });
    expect(layers[2]!.params).toMatchObject({ filters: 16, kernel: [5, 5] });
    expect(s.recall).toBeGreaterThan(0.7);
  });
});

describe('raster: drawn blocks without boxed labels (cuboids, slabs, bars)', () => {
  const alexnet = 'prototxt/caffe__models_bvlc_alexnet_deploy.prototxt';
  const ignore = ['Activation', 'Dropout', 'Flatten', 'LRN'];

  it('vuhung16au__alexnet.png (unlabelled 3-D cuboids and bars) reads maps then vectors by shape, and says so', async () => {
    const { reading, ms } = await readImage('images/arch/vuhung16au__alexnet.png');
    const s = score(reading.graph, truthOf(alexnet), ignore);
    report('vuhung16au__alexnet.png (raster, drawn blocks)', s, ms);
    const kinds = reading.graph.layers.map((l) => l.type).filter((t) => t === 'Conv2D' || t === 'Dense');
    // Five cuboids of maps, then the three fully connected bars, in that order.
    expect(kinds).toEqual(['Conv2D', 'Conv2D', 'Conv2D', 'Conv2D', 'Conv2D', 'Dense', 'Dense', 'Dense']);
    expect(reading.warnings.some((w) => /carry no layer name/.test(w))).toBe(true);
  });

  it('harisiqbal__alexnet_data.png (PlotNeuralNet) takes map counts from the numbers under its blocks and pooling from the slabs on them', async () => {
    const { reading, ms } = await readImage('images/arch/harisiqbal__alexnet_data.png');
    const s = score(reading.graph, truthOf(alexnet), ignore);
    report('harisiqbal__alexnet_data.png (raster, drawn blocks)', s, ms);
    expect(s.precision).toBeGreaterThanOrEqual(0.75);
    expect(s.recall).toBeGreaterThanOrEqual(0.6);
    const filters = reading.graph.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.filters);
    expect(filters).toEqual(expect.arrayContaining([256, 384, 384, 256]));
    expect(reading.graph.layers.filter((l) => l.type === 'Dense')).toHaveLength(3);
    expect(reading.graph.layers.some((l) => l.type === 'MaxPool2D')).toBe(true);
  });
});

describe('vector: figures drawn as paths and text', () => {
  it('mxnet_squeezenet_graph.pdf (Graphviz) matches its MXNet symbol and SqueezeNet 1.1 counts', async () => {
    const { reading, ms } = await readPdf('pdf/mxnet_squeezenet_graph.pdf', 1);
    const symbol = score(reading.graph, truthOf('modeljson/mxnet-wip__SqueezeNet.json'));
    const v11 = score(reading.graph, truthOf('prototxt/squeezenet__SqueezeNet_v1.1_deploy.prototxt'));
    report('mxnet_squeezenet_graph.pdf vs MXNet symbol', symbol, ms);
    report('mxnet_squeezenet_graph.pdf vs SqueezeNet 1.1', v11, ms);
    expect(symbol.recall).toBeGreaterThan(0.85);
    expect(reading.graph.layers.filter((l) => l.type === 'Concat' && l.inputs?.length === 2)).toHaveLength(8);
    // Shape labels beside the splines are not nodes: one network, one input.
    expect(reading.graph.layers.filter((l) => l.type === 'Input')).toHaveLength(1);
    // The tensor shapes written on the splines settle padding and pooling rounding: the graph validates.
    expect(errorsOf(reading.graph)).toEqual([]);
    expect(reading.edges.every((e) => e.directed)).toBe(true);
  });

  it.each([
    ['pdf/plotneuralnet_vgg16.pdf', 1, 'modeljson/deep-learning-models__vgg16.json'],
    ['pdf/plotneuralnet_unet.pdf', 1, 'modeljson/u-net-application__unet.json'],
    ['pdf/tikz_lenet5.pdf', 1, 'prototxt/caffe__examples_mnist_lenet.prototxt'],
    ['pdf/unet.pdf', 2, 'modeljson/u-net-application__unet.json'],
  ] as const)('%s page %i (layers named in the drawing): reads some, and never invents layers', async (pdf, page, truth) => {
    const { reading, ms } = await readPdf(pdf, page);
    const s = score(reading.graph, truthOf(truth), ['Activation', 'BatchNorm', 'Dropout']);
    report(`${pdf.replace('pdf/', '')} p${page} (vector)`, s, ms);
    expect(s.read).toBeGreaterThan(0);
    // What is read must be real layers of the drawn net, in order, most of the time.
    expect(s.precision).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['pdf/alexnet.pdf', 5, 'prototxt/caffe__models_bvlc_alexnet_deploy.prototxt'],
    ['pdf/lenet5.pdf', 6, 'prototxt/caffe__examples_mnist_lenet.prototxt'],
  ] as const)('%s page %i (a bitmap drawing, no vector labels): invents no layers and says why it read none', async (pdf, page, truth) => {
    const { reading, ms } = await readPdf(pdf, page);
    const s = score(reading.graph, truthOf(truth), ['Activation', 'BatchNorm', 'Dropout']);
    report(`${pdf.replace('pdf/', '')} p${page} (vector)`, s, ms, reading.graph.layers.length ? '' : `— ${reading.warnings[0] ?? ''}`);
    expect(s.matched * 2).toBeGreaterThanOrEqual(s.read);
    expect(s.read > 0 || reading.warnings.length > 0, 'either layers or a warning').toBe(true);
  });
});

const synthCount = Number(process.env.FIGURE_SYNTH_COUNT ?? 48);

describe.skipIf(synthCount === 0)('raster: synthetic Keras and Caffe renders (src/synth)', () => {
  let dir = '';
  let samples: Array<{ png: string; json: string; style: string }> = [];
  const totals = new Map<string, { matched: number; read: number; truth: number; exact: number; n: number; ms: number }>();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'figures-eval-'));
    execFileSync(
      process.execPath,
      ['bin/paper2net.mjs', 'synth', '--count', String(synthCount), '--seed', '2026', '--out', dir, '--styles', 'keras2,keras3,caffe', '--jobs', '1'],
      { cwd: root, stdio: 'ignore' },
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { samples: Array<{ image: string; truth: string; style: string }> };
    samples = manifest.samples.map((s) => ({ png: join(dir, String(s.image)), json: join(dir, String(s.truth)), style: String(s.style) }));
  });
  afterAll(() => {
    for (const [style, t] of totals) {
      rows.push(
        `${`synthetic ${style} (${t.n} figures)`.padEnd(44)} P ${(t.matched / Math.max(1, t.read)).toFixed(2)}  R ${(t.matched / Math.max(1, t.truth)).toFixed(2)}  exact type sequence ${t.exact}/${t.n}  ${(t.ms / t.n / 1000).toFixed(1)} s/figure`,
      );
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads most layers of every render', async () => {
    expect(samples.length).toBe(synthCount);
    for (const sample of samples) {
      const truth = JSON.parse(readFileSync(sample.json, 'utf8')) as { graph: Graph };
      const started = performance.now();
      const reading = await readFigure({ kind: 'image', bytes: new Uint8Array(readFileSync(sample.png)) }, { ocr, opencv: nodeOpenCv });
      const ms = performance.now() - started;
      // Truth folds activations into params; draw_net draws ReLU as layers: compare without them.
      const s = score(reading.graph, truth.graph, ['Activation']);
      const t = totals.get(sample.style) ?? { matched: 0, read: 0, truth: 0, exact: 0, n: 0, ms: 0 };
      t.matched += s.matched;
      t.read += s.read;
      t.truth += s.truth;
      t.exact += s.matched === s.truth && s.read === s.truth ? 1 : 0;
      t.n += 1;
      t.ms += ms;
      totals.set(sample.style, t);
    }
    const all = [...totals.values()].reduce((a, t) => ({ matched: a.matched + t.matched, truth: a.truth + t.truth }), { matched: 0, truth: 0 });
    expect(all.matched / all.truth).toBeGreaterThan(0.5);
  }, 1_800_000);
});
