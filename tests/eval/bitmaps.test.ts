/**
 * Bitmap figures through the whole PDF pipeline: each raster figure region (and each drawing whose labels are
 * outlines, not text) is rendered, classified, and read by OCR only when the classifier calls it an architecture
 * drawing. On the corpus papers the classifier's verdicts are scored against hand labels (below, from looking at
 * every region); a real Keras plot_model image placed in a generated PDF checks a bitmap that should become a
 * design, against the model file it was drawn from. Times and scores are printed for the report.
 */
import { readFileSync } from 'node:fs';
import { encode as encodePng } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFigureClassifier, type FigureClassifier } from '../../src/classify/index.ts';
import { nodeBitmapFigures } from '../../src/cli/bitmaps.ts';
import { DEFAULT_MODEL, decodeImage } from '../../src/cli/classify.ts';
import { nodeOcrOptions, nodeOpenCv } from '../../src/cli/figure.ts';
import { createOcr, readFigure, type Ocr } from '../../src/diagrams/index.ts';
import { lcsLength } from '../../src/eval/index.ts';
import { validateGraph, type Graph } from '../../src/graph/index.ts';
import { importModel } from '../../src/importers/index.ts';
import { findRegions, readDocument, type Box } from '../../src/paper/index.ts';
import { extractDesigns, type Extraction } from '../../src/pipeline/extract.ts';
import { convincingFigure, hasText, renderScale } from '../../src/pipeline/extractFigures.ts';
import { figurePdf } from './figurePdf.ts';

const corpus = new URL('../../../shared/corpus/', import.meta.url);
const bytesOf = (path: string) => new Uint8Array(readFileSync(new URL(path, corpus)));

/**
 * What each bitmap figure region of the corpus papers shows. 'arch': a network or system of modules drawn as
 * connected layers/boxes (AlexNet's and LeNet-5's drawings, LeNet's graph-transformer pipelines, OverFeat's
 * conv/pool stages). 'other': photos, samples, plots, bar charts, pseudo-code. 'unsure': left out of the scores.
 */
const LABELS: Record<string, 'arch' | 'other' | 'unsure'> = {
  // Found since the region finder reads captions by layout (labelled from what each figure shows).
  'alexnet.pdf p3 Figure 1': 'other',
  'alexnet.pdf p6 Figure 3': 'other',
  'lenet5.pdf p12 Figure 8': 'other',
  'lenet5.pdf p13 Figure 9': 'other',
  'lenet5.pdf p15 Figure 11': 'other',
  'lenet5.pdf p16 Figure 12': 'other',
  'lenet5.pdf p25 Figure 20': 'unsure',
  'lenet5.pdf p37 Figure 32': 'other',
  'gan_negative.pdf p7 Figure 3': 'other',
  'alexnet.pdf p5 Figure 2': 'arch',
  'alexnet.pdf p8 Figure 4': 'other',
  'lenet5.pdf p2 Figure 1': 'arch',
  'lenet5.pdf p6 Figure 2': 'arch',
  'lenet5.pdf p9 Figure 3': 'other',
  'lenet5.pdf p10 Figure 4': 'other',
  'lenet5.pdf p11 Figure 5': 'other',
  'lenet5.pdf p12 Figure 6': 'other',
  'lenet5.pdf p12 Figure 7': 'other',
  'lenet5.pdf p15 Figure 10': 'other',
  'lenet5.pdf p18 Figure 13': 'other',
  'lenet5.pdf p18 Figure 14': 'arch',
  'lenet5.pdf p20 Figure 15': 'arch',
  'lenet5.pdf p20 Figure 16': 'unsure',
  'lenet5.pdf p21 Figure 17': 'arch',
  'lenet5.pdf p21 Figure 18': 'unsure',
  'lenet5.pdf p23 Figure 19': 'arch',
  'lenet5.pdf p27 Figure 21': 'arch',
  'lenet5.pdf p28 Figure 22': 'unsure',
  'lenet5.pdf p28 Figure 23': 'arch',
  'lenet5.pdf p29 Figure 24': 'arch',
  'lenet5.pdf p29 Figure 25': 'other',
  'lenet5.pdf p30 Figure 26': 'other',
  'lenet5.pdf p31 Figure 27': 'arch',
  'lenet5.pdf p32 Figure 28': 'other',
  'lenet5.pdf p33 Figure 29': 'other',
  'lenet5.pdf p35 Figure 30': 'arch',
  'lenet5.pdf p36 Figure 31': 'arch',
  'lenet5.pdf p38 Figure 33': 'arch',
  'lenet5.pdf p40 Figure 34': 'arch',
  'unet.pdf p3 Figure 2': 'other',
  'unet.pdf p5 Figure 3': 'other',
  'unet.pdf p7 Figure 4': 'other',
  'gan_negative.pdf p6 Figure 2': 'other',
  'mobilenet_v1.pdf p2 Figure 1': 'other',
  // Two box strips (3x3 Conv, BN, ReLU; depthwise, BN, ReLU, 1x1 Conv, BN, ReLU): read since box figures are read by their arrows.
  'mobilenet_v1.pdf p4 Figure 3': 'arch',
  'mobilenet_v1.pdf p6 Figure 4': 'other',
  'mobilenet_v1.pdf p6 Figure 5': 'other',
  'mobilenet_v1.pdf p7 Figure 6': 'other',
  'overfeat.pdf p3 Figure 1': 'other',
  'overfeat.pdf p4 Figure 2': 'other',
  'overfeat.pdf p7 Figure 4': 'other',
  'overfeat.pdf p8 Figure 5': 'arch',
  'overfeat.pdf p9 Figure 6': 'other',
  'overfeat.pdf p10 Figure 7': 'other',
  'overfeat.pdf p11 Figure 8': 'unsure',
  'overfeat.pdf p12 Figure 9': 'other',
  'overfeat.pdf p13 Figure 10': 'other',
  'overfeat.pdf p13 Figure 11': 'other',
};
const PAPERS = ['alexnet.pdf', 'lenet5.pdf', 'unet.pdf', 'gan_negative.pdf', 'mobilenet_v1.pdf', 'overfeat.pdf'];

let classifier: FigureClassifier;
let ocr: Ocr;
const rows: string[] = [];
/** "Fig. 2. The ..." / "Figure 2: The ..." → "Figure 2", the label the pipeline gives the region. */
const label = (caption: string) => `Figure ${/^fig(?:ure)?s?\.?\s*(\w+)/i.exec(caption)?.[1] ?? '?'}`;

async function extract(bytes: Uint8Array, name: string): Promise<{ result: Extraction; ms: number; plainMs: number }> {
  let started = performance.now();
  await extractDesigns(bytes);
  const plainMs = performance.now() - started;
  const bitmaps = nodeBitmapFigures(bytes, { classifier, ocr });
  started = performance.now();
  const result = await extractDesigns(bytes, { bitmaps });
  const ms = performance.now() - started;
  await bitmaps.close();
  rows.push(
    `${name}: extract ${(plainMs / 1000).toFixed(2)} s without bitmaps, ${(ms / 1000).toFixed(2)} s with (${result.bitmapTimings.length} bitmap figures, ${result.bitmapTimings.filter((t) => t.readMs !== undefined).length} read)`,
  );
  for (const t of result.bitmapTimings) {
    const found = result.regions.find((r) => r.page === t.page && r.caption && label(r.caption) === t.label && r.classified);
    const c = found?.classified;
    rows.push(
      `  p${t.page} ${t.label.padEnd(10)} ${`${t.pixels[0]}×${t.pixels[1]}`.padEnd(10)} render ${t.renderMs.toFixed(0).padStart(4)} ms, classify ${t.classifyMs.toFixed(0).padStart(4)} ms, read ${t.readMs === undefined ? '   -' : t.readMs.toFixed(0).padStart(4)} ms  p(arch) ${c?.architecture.toFixed(2)} ${c?.kind ?? ''} ${LABELS[`${name} p${t.page} ${t.label}`] ?? 'unlabelled'}`,
    );
  }
  return { result, ms, plainMs };
}

beforeAll(async () => {
  classifier = await createFigureClassifier(readFileSync(DEFAULT_MODEL));
  ocr = await createOcr(nodeOcrOptions());
});
afterAll(async () => {
  await ocr?.terminate();
  await classifier?.release();
  console.log(`\nbitmap figures — render, classify, read\n${rows.join('\n')}`);
});

describe('corpus papers: the classifier decides which bitmap figures are read', () => {
  const results = new Map<string, Extraction>();
  beforeAll(async () => {
    for (const paper of PAPERS) results.set(paper, (await extract(bytesOf(`pdf/${paper}`), paper)).result);
  }, 240_000);

  it('gives every bitmap figure region a verdict, and reads only those it accepts', () => {
    let verdicts = 0;
    for (const [paper, result] of results) {
      for (const region of result.regions) {
        if (region.kind === 'figure:raster') expect(region.classified, `${paper} p${region.page} ${region.caption}`).toBeDefined();
        if (!region.classified) continue;
        verdicts++;
        expect(region.classified.read, `${paper} p${region.page}`).toBe(region.classified.architecture >= 0.5);
      }
      expect(result.bitmapTimings.length).toBe(result.regions.filter((r) => r.classified).length);
      expect(
        result.bitmapTimings.every(
          (t) => (t.readMs !== undefined) === result.regions.some((r) => r.page === t.page && r.classified?.read && label(r.caption ?? '') === t.label),
        ),
      ).toBe(true);
    }
    expect(verdicts).toBeGreaterThanOrEqual(40);
  });

  it('scores the verdicts against the hand labels', () => {
    const counts = { tp: 0, fp: 0, fn: 0, tn: 0, unlabelled: 0 };
    for (const [paper, result] of results) {
      for (const region of result.regions) {
        if (!region.classified) continue;
        const truth = LABELS[`${paper} p${region.page} ${label(region.caption ?? '')}`];
        if (!truth) counts.unlabelled++;
        if (!truth || truth === 'unsure') continue;
        const said = region.classified.read;
        if (truth === 'arch') counts[said ? 'tp' : 'fn']++;
        else counts[said ? 'fp' : 'tn']++;
      }
    }
    const precision = counts.tp / Math.max(1, counts.tp + counts.fp);
    const recall = counts.tp / Math.max(1, counts.tp + counts.fn);
    rows.push(
      `classifier on ${counts.tp + counts.fp + counts.fn + counts.tn} labelled PDF regions: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)} (tp ${counts.tp}, fp ${counts.fp}, fn ${counts.fn}, tn ${counts.tn}; unlabelled ${counts.unlabelled})`,
    );
    // The labels cover what the region finder finds today; a few new or lost regions are tolerated.
    expect(counts.unlabelled).toBeLessThanOrEqual(4);
    expect(counts.tp + counts.fn).toBeGreaterThanOrEqual(12);
    // Measured 0.64 / 0.44 with the retrained classifier (0.50 / 0.50 before; models/README.md: 87.5 % on loose
    // corpus images). Floors about a region below: one more miss of 16 drawings costs recall 0.06.
    expect(precision).toBeGreaterThanOrEqual(0.5);
    expect(recall).toBeGreaterThanOrEqual(0.35);
    // Without the gate every bitmap would go to OCR; the gate must turn most of the 'other' figures away.
    expect(counts.tn / Math.max(1, counts.tn + counts.fp)).toBeGreaterThanOrEqual(0.6);
  });

  it('makes no design out of a figure that is not an architecture drawing', () => {
    for (const [paper, result] of results) {
      for (const design of result.designs.filter((d) => d.source?.kind === 'figure')) {
        const key = `${paper} p${design.source?.page} ${label(design.source?.caption ?? '')}`;
        rows.push(`design from a bitmap: ${key} (${LABELS[key] ?? 'unlabelled'}), ${design.layers.length} layers`);
        expect(LABELS[key], key).toBe('arch');
      }
    }
    expect(results.get('gan_negative.pdf')!.designs).toEqual([]);
  });
});

const DRAWINGS: Record<string, true> = {
  'mxnet_squeezenet_graph.pdf': true,
  'plotneuralnet_unet.pdf': true,
  'plotneuralnet_vgg16.pdf': true,
  'tikz_lenet5.pdf': true,
};

describe('vector figures: would the classifier as a gate change which become designs?', () => {
  it('every convincing vector reading is one the classifier calls an architecture drawing', async () => {
    let regions = 0;
    let convincing = 0;
    let accepted = 0;
    const rejectedDesigns: string[] = [];
    let ms = 0;
    for (const paper of [...PAPERS, 'resnet.pdf', ...Object.keys(DRAWINGS)]) {
      const bytes = bytesOf(`pdf/${paper}`);
      const doc = await readDocument(bytes, paper in DRAWINGS ? { drawings: 'all' } : {});
      const bitmaps = nodeBitmapFigures(bytes, { classifier, ocr });
      for (const page of doc.pages) {
        const figures = findRegions(page).filter((r) => r.kind === 'figure' && !r.raster && hasText(page, r.box));
        // The drawing-only PDFs (a rendered graph, TikZ, PlotNeuralNet) have no caption: the page is the figure.
        const boxes =
          paper in DRAWINGS ? [{ box: [0, 0, page.width, page.height] as Box, label: 'page' }] : figures.map((r) => ({ box: r.box, label: r.caption.label }));
        for (const region of boxes) {
          const { graph } = await readFigure({ kind: 'page', page, bbox: region.box });
          const started = performance.now();
          const verdict = await bitmaps.classify(await bitmaps.render(page.number, region.box, renderScale(page, region.box)));
          ms += performance.now() - started;
          regions++;
          if (verdict.architecture >= 0.5) accepted++;
          if (paper in DRAWINGS)
            rows.push(
              `  ${paper}: ${graph.layers.length} layers, confidence ${graph.confidence}, ${convincingFigure(graph) ? 'convincing' : 'not convincing'}; p(arch) ${verdict.architecture.toFixed(2)} ${verdict.kind}`,
            );
          if (!convincingFigure(graph)) continue;
          convincing++;
          if (verdict.architecture < 0.5) rejectedDesigns.push(`${paper} p${page.number} ${region.label} (p ${verdict.architecture.toFixed(2)})`);
        }
      }
      await bitmaps.close();
    }
    rows.push(
      `vector figures with text (and 4 caption-less drawings): ${regions} regions, ${convincing} convincing readings, classifier accepts ${accepted}; gating would drop ${rejectedDesigns.length} designs; render + classify ${(ms / Math.max(1, regions)).toFixed(0)} ms per figure`,
    );
    expect(regions).toBeGreaterThanOrEqual(15);
    // A convincing vector reading the classifier rejects is a design a gate would lose.
    rows.push(`  convincing vector readings the classifier rejects: ${rejectedDesigns.join(', ') || 'none'}`);
    expect(convincing).toBeGreaterThanOrEqual(1);
    expect(rejectedDesigns).toEqual([]);
  }, 120_000);
});

const types = (g: Graph) => g.layers.map((l) => l.type).filter((t) => t !== 'Input');

describe("the papers' own architecture drawings, read whatever the classifier says", () => {
  it.each([
    ['alexnet.pdf', 5, 'prototxt/caffe__models_bvlc_alexnet_deploy.prototxt'],
    ['lenet5.pdf', 6, 'prototxt/caffe__examples_mnist_lenet.prototxt'],
  ] as const)(
    '%s page %i: what the bitmap reader gets from the drawing, against the real network',
    async (paper, pageNumber, truthFile) => {
      const bytes = bytesOf(`pdf/${paper}`);
      const doc = await readDocument(bytes, { maxPages: pageNumber });
      const page = doc.pages.find((p) => p.number === pageNumber)!;
      const region = findRegions(page).find((r) => r.kind === 'figure' && r.caption.label === 'Figure 2')!;
      const bitmaps = nodeBitmapFigures(bytes, { classifier, ocr });
      const image = await bitmaps.render(pageNumber, region.box, renderScale(page, region.box));
      await bitmaps.close();
      const started = performance.now();
      const { graph } = await readFigure(
        { kind: 'page', page, bbox: region.box, render: encodePng({ width: image.width, height: image.height, data: image.data, channels: 4, depth: 8 }) },
        { ocr, opencv: nodeOpenCv },
      );
      const ms = performance.now() - started;
      const truth = importModel(bytesOf(truthFile), truthFile);
      const matched = lcsLength(types(graph), types(truth));
      rows.push(
        `${paper} p${pageNumber} Figure 2 read by OCR: ${types(graph).length} layers [${types(graph).join(' ')}] vs ${types(truth).length} in ${truthFile.replace(/^.*\//, '')}; ${matched} in order; convincing ${convincingFigure(graph)}; ${(ms / 1000).toFixed(1)} s`,
      );
      // Cuboid and feature-map drawings are not what the box-and-label reader knows, but their pooling and
      // fully-connected labels are read: what it reads must be real.
      expect(types(graph).length).toBeGreaterThan(0);
      expect(matched / types(graph).length).toBeGreaterThanOrEqual(0.5);
    },
    60_000,
  );
});

describe('a real figure image placed in a PDF', () => {
  const body = Array.from({ length: 6 }, (_, i) => `Line ${i + 1} of the body text, describing the experiments in enough words to fill one whole line.`);
  const place = (image: string, height: number) =>
    figurePdf(decodeImage(bytesOf(image), image), 'Figure 1: The network used in our experiments.', body, height);

  it('a Keras plot_model bitmap becomes a design matching its model file', async () => {
    // A 444×2287 px plot shrunk to 640 pt tall: rendered at its own resolution, not 2 px/pt, or OCR loses the labels.
    const { result } = await extract(place('images/arch/datendynam__model.png', 640), 'datendynam__model.png in a PDF');
    const region = result.regions.find((r) => r.kind === 'figure:raster');
    expect(region?.classified).toMatchObject({ kind: 'keras', read: true });
    const designs = result.designs.filter((d) => d.source?.kind === 'figure');
    expect(designs).toHaveLength(1);
    const design = designs[0]!;
    const truth = importModel(bytesOf('modeljson/cnn-handwriting__model_architecture.json'), 'cnn-handwriting__model_architecture.json');
    const matched = lcsLength(types(design), types(truth));
    const precision = matched / types(design).length;
    const recall = matched / types(truth).length;
    rows.push(
      `  read ${types(design).length} layers vs ${types(truth).length} in the model file: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`,
    );
    expect(precision).toBeGreaterThan(0.9);
    expect(recall).toBeGreaterThan(0.9);
    expect(design.layers.filter((l) => l.type === 'Conv2D').map((l) => l.params?.filters)).toEqual([32, 32, 64, 64]);
    expect(design.source?.bbox).toEqual(region?.bbox);
    expect(validateGraph(design).filter((i) => i.severity === 'error')).toEqual([]);
  }, 60_000);

  it('a training-curve plot the classifier may mistake for a diagram still makes no design', async () => {
    const { result } = await extract(place('images/other/datendynam__Figure_1.png', 300), 'datendynam__Figure_1.png in a PDF');
    expect(result.regions.find((r) => r.kind === 'figure:raster')?.classified).toBeDefined();
    expect(result.designs.filter((d) => d.source?.kind === 'figure')).toEqual([]);
  }, 60_000);
});
