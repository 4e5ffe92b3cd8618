/**
 * `paper2net eval <suite> [input=reference ...] [--corpus DIR] [--json] [--out DIR]`: accuracy on real files.
 *   papers    each PDF through the whole extractor; the design closest to the reference network, scored on
 *             layer types and on stated sizes (src/eval); papers with no network count their false designs
 *   figures   the figure reader on diagram images, against the model each was drawn from
 *   classify  the figure classifier on the corpus images (images/arch vs images/other)
 * Without pairs, the suites use ../shared/corpus (or --corpus) and its known reference models; a reference is
 * a model file (.prototxt, Keras/MXNet .json, .onnx, graph .json) or `builtin:lenet5` / `builtin:unet` (from the papers).
 * Prints a Markdown table (or JSON with --json); --out DIR also writes <suite>.md, <suite>.json and <suite>.svg.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFigureClassifier } from '../classify/index.ts';
import { createOcr, readFigure, type Ocr } from '../diagrams/index.ts';
import { barChartSvg, bestMatch, BUILTIN_REFERENCES, markdownTable, sequenceScore, type Bar, type Cell, type SequenceScore } from '../eval/index.ts';
import type { Graph } from '../graph/index.ts';
import { importModel } from '../importers/index.ts';
// The pipeline index also exports browser worker clients (vite `?url` imports); Node takes the extractor directly.
import { extractDesigns } from '../pipeline/extract.ts';
import { parseArgs, stringOption } from './args.ts';
import { nodeBitmapFigures } from './bitmaps.ts';
import { decodeImage, DEFAULT_MODEL } from './classify.ts';
import { nodeOcrOptions, nodeOpenCv } from './figure.ts';

const USAGE = 'usage: paper2net eval papers|figures|classify [input=reference ...] [--corpus DIR] [--json] [--out DIR]';

interface Pair {
  input: string;
  reference: string;
  network: string;
}

/** Corpus PDFs whose network a corpus model file (or the paper itself, builtin:) describes. */
const PAPER_PAIRS: Pair[] = [
  { input: 'pdf/vgg.pdf', reference: 'prototxt/vgg-benchmarks__vgg16_deploy.prototxt', network: 'VGG-16 (configuration D)' },
  { input: 'pdf/resnet.pdf', reference: 'prototxt/deep-residual-networks__prototxt_ResNet-50-deploy.prototxt', network: 'ResNet-50' },
  { input: 'pdf/mobilenet_v1.pdf', reference: 'prototxt/mobilenet-caffe__mobilenet_deploy.prototxt', network: 'MobileNet v1' },
  { input: 'pdf/alexnet.pdf', reference: 'prototxt/caffe__models_bvlc_alexnet_deploy.prototxt', network: 'AlexNet (BVLC deploy)' },
  { input: 'pdf/lenet5.pdf', reference: 'builtin:lenet5', network: 'LeNet-5' },
  { input: 'pdf/unet.pdf', reference: 'builtin:unet', network: 'U-Net' },
  { input: 'pdf/plotneuralnet_vgg16.pdf', reference: 'modeljson/deep-learning-models__vgg16.json', network: 'VGG-16 (PlotNeuralNet)' },
  { input: 'pdf/plotneuralnet_unet.pdf', reference: 'builtin:unet', network: 'U-Net (PlotNeuralNet)' },
  { input: 'pdf/tikz_lenet5.pdf', reference: 'builtin:lenet5', network: 'LeNet-5 (TikZ)' },
  { input: 'pdf/mxnet_squeezenet_graph.pdf', reference: 'modeljson/mxnet-wip__SqueezeNet.json', network: 'SqueezeNet (MXNet graph)' },
];

/** Corpus PDFs that describe no network: every design read from them is a false one. */
const NEGATIVE_PAPERS = ['pdf/gan_negative.pdf'];

/** Corpus diagram images and the model each draws. */
const FIGURE_PAIRS: Pair[] = [
  { input: 'images/arch/datendynam__model.png', reference: 'modeljson/cnn-handwriting__model_architecture.json', network: 'CNN (Keras plot_model)' },
  { input: 'images/arch/kaijin1995__Net.png', reference: 'prototxt/mtcnn-vgg-face__VGG_FACE_deploy.prototxt', network: 'VGG-Face (Caffe draw_net)' },
  { input: 'images/arch/busyboxs__lenet.png', reference: 'builtin:lenet5', network: 'LeNet-5 (the paper figure)' },
  { input: 'images/arch/ju-mcse-ai__vgg16.png', reference: 'prototxt/vgg-benchmarks__vgg16_deploy.prototxt', network: 'VGG-16 (block drawing)' },
  { input: 'images/arch/harisiqbal__alexnet_data.png', reference: 'prototxt/caffe__models_bvlc_alexnet_deploy.prototxt', network: 'AlexNet (PlotNeuralNet)' },
  { input: 'images/arch/vuhung16au__alexnet.png', reference: 'prototxt/caffe__models_bvlc_alexnet_deploy.prototxt', network: 'AlexNet (drawing)' },
];

interface SuiteResult {
  suite: string;
  title: string;
  header: string[];
  rows: Cell[][];
  summary: string[];
  bars: Bar[];
  items: unknown[];
}

const base = (path: string): string => path.split('/').pop()!;
const round = (v: number): number => Math.round(v * 1000) / 1000;
const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function defaultCorpus(): string {
  const beside = resolve('../shared/corpus');
  return existsSync(beside) ? beside : fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
}

function loadReference(reference: string, corpus: string): Graph {
  if (reference.startsWith('builtin:')) {
    const graph = BUILTIN_REFERENCES[reference.slice('builtin:'.length)];
    if (!graph) throw new Error(`unknown reference "${reference}"; built in: ${Object.keys(BUILTIN_REFERENCES).map((k) => `builtin:${k}`).join(', ')}`);
    return graph;
  }
  return importModel(new Uint8Array(readFileSync(resolve(corpus, reference))), base(reference));
}

async function evalPapers(pairs: Pair[], negatives: string[], corpus: string): Promise<SuiteResult> {
  const classifier = await createFigureClassifier(readFileSync(DEFAULT_MODEL));
  let ocr: Ocr | undefined;
  const extracted = new Map<string, { designs: Graph[]; seconds: number }>();
  const extract = async (pdf: string) => {
    const known = extracted.get(pdf);
    if (known) return known;
    const bytes = new Uint8Array(readFileSync(resolve(corpus, pdf)));
    ocr ??= await createOcr(nodeOcrOptions());
    const bitmaps = nodeBitmapFigures(bytes, { classifier, ocr });
    const started = performance.now();
    try {
      const { designs } = await extractDesigns(bytes, { bitmaps });
      const result = { designs, seconds: (performance.now() - started) / 1000 };
      extracted.set(pdf, result);
      return result;
    } finally {
      await bitmaps.close();
    }
  };
  const rows: Cell[][] = [];
  const scored: Array<Pair & { designs: number; best: string | null; types: SequenceScore | null; sizes: SequenceScore | null; seconds: number }> = [];
  const negative: Array<{ input: string; designs: number; falseDesigns: string[]; seconds: number }> = [];
  const bars: Bar[] = [];
  try {
    for (const pair of pairs) {
      const { designs, seconds } = await extract(pair.input);
      const match = bestMatch(designs, loadReference(pair.reference, corpus));
      const types = match?.types;
      const sizes = match?.params;
      rows.push([base(pair.input), pair.network, designs.length, match?.design.name ?? '—', types?.precision ?? 0, types?.recall ?? 0, types?.f1 ?? 0, sizes?.f1 ?? 0, Math.round(seconds * 10) / 10]);
      bars.push({ label: `${base(pair.input)}: ${pair.network}`, value: types?.f1 ?? 0 });
      scored.push({ ...pair, designs: designs.length, best: match?.design.name ?? null, types: types ?? null, sizes: sizes ?? null, seconds: round(seconds) });
    }
    for (const pdf of negatives) {
      const { designs, seconds } = await extract(pdf);
      rows.push([base(pdf), '(no network)', designs.length, designs.map((d) => d.name).join('; ') || '—', '', '', '', '', Math.round(seconds * 10) / 10]);
      negative.push({ input: pdf, designs: designs.length, falseDesigns: designs.map((d) => d.name), seconds: round(seconds) });
    }
  } finally {
    await ocr?.terminate();
    await classifier.release();
  }
  const typeF1 = scored.map((i) => i.types?.f1 ?? 0);
  const sizeF1 = scored.map((i) => i.sizes?.f1 ?? 0);
  const falseDesigns = negative.reduce((n, i) => n + i.designs, 0);
  return {
    suite: 'papers',
    title: 'Papers: the extracted design closest to each reference network (layer sequences matched in order)',
    header: ['paper', 'network', 'designs', 'closest design', 'types P', 'types R', 'types F1', 'sizes F1', 's'],
    rows,
    summary: [
      `mean F1 over ${scored.length} networks: layer types ${mean(typeF1).toFixed(2)}, with sizes ${mean(sizeF1).toFixed(2)}`,
      `networks found (types F1 ≥ 0.8): ${typeF1.filter((f) => f >= 0.8).length}/${scored.length}; exactly right, sizes included (F1 = 1): ${sizeF1.filter((f) => f === 1).length}/${scored.length}`,
      `designs read from papers with no network: ${falseDesigns}`,
    ],
    bars,
    items: [...scored, ...negative],
  };
}

async function evalFigures(pairs: Pair[], corpus: string): Promise<SuiteResult> {
  const ocr = await createOcr(nodeOcrOptions());
  const rows: Cell[][] = [];
  const items: unknown[] = [];
  const bars: Bar[] = [];
  try {
    for (const pair of pairs) {
      const started = performance.now();
      const reading = await readFigure({ kind: 'image', bytes: new Uint8Array(readFileSync(resolve(corpus, pair.input))), name: base(pair.input) }, { ocr, opencv: nodeOpenCv });
      const seconds = (performance.now() - started) / 1000;
      const reference = loadReference(pair.reference, corpus);
      const types = sequenceScore(reading.graph, reference, 'types');
      const sizes = sequenceScore(reading.graph, reference, 'params');
      rows.push([base(pair.input), pair.network, types.read, types.truth, types.precision, types.recall, types.f1, sizes.f1, Math.round(seconds * 10) / 10]);
      bars.push({ label: `${base(pair.input)}: ${pair.network}`, value: types.f1 });
      items.push({ ...pair, types, sizes, seconds: round(seconds) });
    }
  } finally {
    await ocr.terminate();
  }
  const f1 = items.map((i) => (i as { types: { f1: number } }).types.f1);
  return {
    suite: 'figures',
    title: 'Figures: layers read from each diagram image against the model it draws',
    header: ['image', 'network', 'layers read', 'layers true', 'types P', 'types R', 'types F1', 'sizes F1', 's'],
    rows,
    summary: [`mean types F1 over ${items.length} figures: ${mean(f1).toFixed(2)}`],
    bars,
    items,
  };
}

async function evalClassify(corpus: string): Promise<SuiteResult> {
  const images = ['arch', 'other'].flatMap((folder) => {
    const dir = join(corpus, 'images', folder);
    return readdirSync(dir)
      .filter((f) => /\.(png|jpe?g)$/i.test(f))
      .sort()
      .map((f) => ({ path: `images/${folder}/${f}`, architecture: folder === 'arch' }));
  });
  const classifier = await createFigureClassifier(readFileSync(DEFAULT_MODEL));
  const results: Array<(typeof images)[number] & { p: number; kind: string; right: boolean }> = [];
  try {
    for (const image of images) {
      const [result] = await classifier.classify([decodeImage(readFileSync(join(corpus, image.path)), image.path)]);
      results.push({ ...image, p: result!.architecture, kind: result!.kind, right: result!.architecture >= 0.5 === image.architecture });
    }
  } finally {
    await classifier.release();
  }
  const accuracy = (subset: typeof results) => (subset.length ? subset.filter((r) => r.right).length / subset.length : 0);
  const arch = results.filter((r) => r.architecture);
  const other = results.filter((r) => !r.architecture);
  return {
    suite: 'classify',
    title: 'Classifier: is each corpus image an architecture drawing?',
    header: ['image', 'truth', 'P(architecture)', 'kind', 'right'],
    rows: results.map((r) => [base(r.path), r.architecture ? 'architecture' : 'other', r.p, r.architecture || r.p >= 0.5 ? r.kind : '—', r.right ? 'yes' : 'NO']),
    summary: [
      `accuracy ${(accuracy(results) * 100).toFixed(1)}% of ${results.length} images (architecture ${arch.filter((r) => r.right).length}/${arch.length}, other ${other.filter((r) => r.right).length}/${other.length})`,
    ],
    bars: results.map((r) => ({ label: `${r.architecture ? 'arch' : 'other'}: ${base(r.path)}`, value: r.p })),
    items: results.map((r) => ({ ...r, p: round(r.p) })),
  };
}

function pairsFrom(positionals: string[]): Pair[] {
  return positionals.map((text) => {
    const [input, reference] = text.split('=');
    if (!input || !reference) throw new Error(`"${text}": expected input=reference, e.g. paper.pdf=model.prototxt`);
    return { input: resolve(input), reference: reference.startsWith('builtin:') ? reference : resolve(reference), network: base(reference) };
  });
}

function markdown(result: SuiteResult): string {
  return [`## ${result.title}`, '', markdownTable(result.header, result.rows), '', ...result.summary.map((s) => `- ${s}`), ''].join('\n');
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(args, ['json']);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [suite, ...pairArgs] = parsed.positionals;
  if (suite !== 'papers' && suite !== 'figures' && suite !== 'classify') {
    process.stderr.write(`${suite ? `unknown suite "${suite}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  const corpus = resolve(stringOption(parsed, 'corpus') ?? defaultCorpus());
  const pairs = pairsFrom(pairArgs);
  if (!existsSync(corpus) && !pairs.length) throw new Error(`no corpus at ${corpus}: pass --corpus DIR or input=reference pairs`);
  const result =
    suite === 'papers'
      ? await evalPapers(pairs.length ? pairs : PAPER_PAIRS, pairs.length ? [] : NEGATIVE_PAPERS, corpus)
      : suite === 'figures'
        ? await evalFigures(pairs.length ? pairs : FIGURE_PAIRS, corpus)
        : await evalClassify(corpus);
  const json = { suite: result.suite, summary: result.summary, items: result.items };
  process.stdout.write(parsed.options.has('json') ? `${JSON.stringify(json)}\n` : markdown(result));
  const out = stringOption(parsed, 'out');
  if (out) {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, `${result.suite}.md`), markdown(result));
    await writeFile(join(out, `${result.suite}.json`), `${JSON.stringify(json, null, 1)}\n`);
    await writeFile(join(out, `${result.suite}.svg`), barChartSvg(result.title, result.bars));
  }
  return 0;
}
