/**
 * `paper2net eval <suite> [input=reference ...] [--corpus DIR] [--manifest FILE] [--truth FILE] [--json] [--out DIR]`:
 * accuracy on real files.
 *   papers    each PDF through the whole extractor; the design closest to the reference network, scored on
 *             layer types and on stated sizes (src/eval); papers with no network count their false designs;
 *             then the papers of the corpus's truth.json against their hand-written truth designs (evalTruth.ts)
 *   figures   the figure reader on diagram images, against the model each was drawn from
 *   classify  the figure classifier on the corpus images (images/arch vs images/other)
 *   synth     fresh synthetic figures read back and scored per style (evalSynth.ts; --count, --seed, --styles, --jobs)
 * Without pairs, the suites read ../shared/corpus (or --corpus) and what eval/manifest.json (or --manifest) lists
 * in it; a reference is a model file (.prototxt, Keras/MXNet .json, .onnx, graph .json) or `builtin:lenet5` /
 * `builtin:unet` (from the papers). With pairs, `papers` scores only those, and truth only with --truth.
 * Prints Markdown tables (or JSON with --json); --out DIR also writes <suite>.md, <suite>.json and <suite>.svg.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFigureClassifier } from '../classify/index.ts';
import { createOcr, readFigure, type Ocr } from '../diagrams/index.ts';
import {
  barChartSvg,
  bestMatch,
  BUILTIN_REFERENCES,
  markdownSection,
  parseManifest,
  parseTruth,
  sequenceScore,
  type Bar,
  type Cell,
  type ReferencePair,
  type Section,
  type SequenceScore,
} from '../eval/index.ts';
import type { Graph } from '../graph/index.ts';
import { importModel } from '../importers/index.ts';
// The pipeline index also exports browser worker clients (vite `?url` imports); Node takes the extractor directly.
import { extractDesigns } from '../pipeline/extract.ts';
import { nodeBitmapFigures } from './bitmaps.ts';
import { DEFAULT_MODEL } from './classify.ts';
import { EVAL } from './commands.ts';
import { classifyLabels, evalClassify } from './evalClassify.ts';
import { truthSection, type Extracted, type TruthReport } from './evalTruth.ts';
import { nodeOcrOptions, nodeOpenCv } from './figure.ts';
import { parseCommand, UsageError } from './options.ts';
import { createProgress } from './progress.ts';

const DEFAULT_MANIFEST = fileURLToPath(new URL('../../eval/manifest.json', import.meta.url));

interface SuiteResult {
  suite: string;
  sections: Section[];
  /** The chart of the first section. */
  bars: Bar[];
  items: unknown[];
  /** The truth.json part of `papers`. */
  truth?: TruthReport;
}

const base = (path: string): string => path.split('/').pop()!;
const round = (v: number): number => Math.round(v * 1000) / 1000;
const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function defaultCorpus(): string {
  const beside = resolve('../shared/corpus');
  return existsSync(beside) ? beside : fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
}

/** A JSON file, parsed; errors name the file. */
function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

function loadReference(reference: string, corpus: string): Graph {
  if (reference.startsWith('builtin:')) {
    const graph = BUILTIN_REFERENCES[reference.slice('builtin:'.length)];
    if (!graph)
      throw new Error(
        `unknown reference "${reference}"; built in: ${Object.keys(BUILTIN_REFERENCES)
          .map((k) => `builtin:${k}`)
          .join(', ')}`,
      );
    return graph;
  }
  return importModel(new Uint8Array(readFileSync(resolve(corpus, reference))), base(reference));
}

/** `truth`: the path of a truth.json whose papers are scored too. */
async function evalPapers(pairs: ReferencePair[], negatives: string[], corpus: string, truth?: string): Promise<SuiteResult> {
  const classifier = await createFigureClassifier(readFileSync(DEFAULT_MODEL));
  let ocr: Ocr | undefined;
  const truthDoc = truth ? readJson(truth) : undefined;
  const truthPdfs = truthDoc ? Object.keys(parseTruth(truthDoc)).map((paper) => join('pdf', paper)) : [];
  const progress = createProgress(
    'eval papers',
    new Set([...pairs.map((p) => p.input), ...negatives, ...truthPdfs].map((input) => resolve(corpus, input))).size,
  );
  const extracted = new Map<string, Extracted>();
  const extract = async (input: string): Promise<Extracted> => {
    const pdf = resolve(corpus, input);
    const known = extracted.get(pdf);
    if (known) return known;
    const bytes = new Uint8Array(readFileSync(pdf));
    ocr ??= await createOcr(nodeOcrOptions());
    const bitmaps = nodeBitmapFigures(bytes, { classifier, ocr });
    const started = performance.now();
    try {
      const { designs } = await extractDesigns(bytes, { bitmaps });
      const result = { designs, seconds: (performance.now() - started) / 1000 };
      extracted.set(pdf, result);
      progress.advance(base(pdf));
      return result;
    } finally {
      await bitmaps.close();
    }
  };
  const rows: Cell[][] = [];
  const scored: Array<ReferencePair & { designs: number; best: string | null; types: SequenceScore | null; sizes: SequenceScore | null; seconds: number }> = [];
  const negative: Array<{ input: string; designs: number; falseDesigns: string[]; seconds: number }> = [];
  const bars: Bar[] = [];
  let truthPart: Awaited<ReturnType<typeof truthSection>> | undefined;
  try {
    for (const pair of pairs) {
      const { designs, seconds } = await extract(pair.input);
      const match = bestMatch(designs, loadReference(pair.reference, corpus));
      const types = match?.types;
      const sizes = match?.params;
      rows.push([
        base(pair.input),
        pair.network,
        designs.length,
        match?.design.name ?? '—',
        types?.precision ?? 0,
        types?.recall ?? 0,
        types?.f1 ?? 0,
        sizes?.f1 ?? 0,
        Math.round(seconds * 10) / 10,
      ]);
      bars.push({ label: `${base(pair.input)}: ${pair.network}`, value: types?.f1 ?? 0 });
      scored.push({ ...pair, designs: designs.length, best: match?.design.name ?? null, types: types ?? null, sizes: sizes ?? null, seconds: round(seconds) });
    }
    for (const pdf of negatives) {
      const { designs, seconds } = await extract(pdf);
      rows.push([base(pdf), '(no network)', designs.length, designs.map((d) => d.name).join('; ') || '—', '', '', '', '', Math.round(seconds * 10) / 10]);
      negative.push({ input: pdf, designs: designs.length, falseDesigns: designs.map((d) => d.name), seconds: round(seconds) });
    }
    if (truth) truthPart = await truthSection(truth, truthDoc, corpus, extract);
  } finally {
    progress.done();
    await ocr?.terminate();
    await classifier.release();
  }
  const typeF1 = scored.map((i) => i.types?.f1 ?? 0);
  const sizeF1 = scored.map((i) => i.sizes?.f1 ?? 0);
  const falseDesigns = negative.reduce((n, i) => n + i.designs, 0);
  const references: Section = {
    title: 'Papers: the extracted design closest to each reference network (layer sequences matched in order)',
    header: ['paper', 'network', 'designs', 'closest design', 'types P', 'types R', 'types F1', 'sizes F1', 's'],
    rows,
    summary: [
      `mean F1 over ${scored.length} networks: layer types ${mean(typeF1).toFixed(2)}, with sizes ${mean(sizeF1).toFixed(2)}`,
      `networks found (types F1 ≥ 0.8): ${typeF1.filter((f) => f >= 0.8).length}/${scored.length}; exactly right, sizes included (F1 = 1): ${sizeF1.filter((f) => f === 1).length}/${scored.length}`,
      `designs read from papers with no network: ${falseDesigns}`,
    ],
  };
  return {
    suite: 'papers',
    sections: truthPart ? [references, truthPart.section] : [references],
    bars,
    items: [...scored, ...negative],
    ...(truthPart ? { truth: truthPart.data } : {}),
  };
}

async function evalFigures(pairs: ReferencePair[], corpus: string): Promise<SuiteResult> {
  const ocr = await createOcr(nodeOcrOptions());
  const rows: Cell[][] = [];
  const items: unknown[] = [];
  const bars: Bar[] = [];
  const progress = createProgress('eval figures', pairs.length);
  try {
    for (const pair of pairs) {
      const started = performance.now();
      const reading = await readFigure(
        { kind: 'image', bytes: new Uint8Array(readFileSync(resolve(corpus, pair.input))), name: base(pair.input) },
        { ocr, opencv: nodeOpenCv },
      );
      const seconds = (performance.now() - started) / 1000;
      const reference = loadReference(pair.reference, corpus);
      const types = sequenceScore(reading.graph, reference, 'types');
      const sizes = sequenceScore(reading.graph, reference, 'params');
      rows.push([base(pair.input), pair.network, types.read, types.truth, types.precision, types.recall, types.f1, sizes.f1, Math.round(seconds * 10) / 10]);
      bars.push({ label: `${base(pair.input)}: ${pair.network}`, value: types.f1 });
      items.push({ ...pair, types, sizes, seconds: round(seconds) });
      progress.advance(base(pair.input));
    }
  } finally {
    progress.done();
    await ocr.terminate();
  }
  const f1 = items.map((i) => (i as { types: { f1: number } }).types.f1);
  return {
    suite: 'figures',
    sections: [
      {
        title: 'Figures: layers read from each diagram image against the model it draws',
        header: ['image', 'network', 'layers read', 'layers true', 'types P', 'types R', 'types F1', 'sizes F1', 's'],
        rows,
        summary: [`mean types F1 over ${items.length} figures: ${mean(f1).toFixed(2)}`],
      },
    ],
    bars,
    items,
  };
}

function pairsFrom(positionals: string[]): ReferencePair[] {
  return positionals.map((text) => {
    const [input, reference] = text.split('=');
    if (!input || !reference) throw new UsageError(`"${text}": expected input=reference, e.g. paper.pdf=model.prototxt`);
    return { input: resolve(input), reference: reference.startsWith('builtin:') ? reference : resolve(reference), network: base(reference) };
  });
}

const markdown = (result: SuiteResult): string => result.sections.map(markdownSection).join('\n');

export async function run(args: string[]): Promise<number> {
  const { positionals, values } = parseCommand(EVAL, args);
  const [suite, ...pairArgs] = positionals;
  if (suite === 'synth') {
    const { runEvalSynth, synthEvalOptions } = await import('./evalSynth.ts');
    return runEvalSynth(synthEvalOptions(values, pairArgs), { json: values.json === true, ...(values.out ? { out: values.out } : {}) });
  }
  if (suite !== 'papers' && suite !== 'figures' && suite !== 'classify')
    throw new UsageError(`unknown suite "${suite}"; use papers, figures, classify or synth`);
  const synthOnly = (['count', 'seed', 'styles', 'jobs'] as const).find((name) => values[name] !== undefined);
  if (synthOnly) throw new UsageError(`--${synthOnly} is for eval synth only`);
  const corpus = resolve(values.corpus ?? defaultCorpus());
  const pairs = pairsFrom(pairArgs);
  if (!existsSync(corpus) && !pairs.length) throw new Error(`no corpus at ${corpus}: pass --corpus DIR or input=reference pairs`);
  const manifestDoc = readJson(resolve(values.manifest ?? DEFAULT_MANIFEST));
  const manifest = parseManifest(manifestDoc);
  const truthOption = values.truth;
  const truth = truthOption ? resolve(truthOption) : !pairs.length && manifest.truth ? resolve(corpus, manifest.truth) : undefined;
  const result: SuiteResult =
    suite === 'papers'
      ? await evalPapers(pairs.length ? pairs : manifest.papers, pairs.length ? [] : manifest.negatives, corpus, truth)
      : suite === 'figures'
        ? await evalFigures(pairs.length ? pairs : manifest.figures, corpus)
        : await evalClassify(corpus, classifyLabels(manifestDoc, corpus));
  const json = {
    suite: result.suite,
    summary: result.sections.flatMap((s) => s.summary),
    items: result.items,
    ...(result.truth ? { truth: result.truth } : {}),
  };
  process.stdout.write(values.json ? `${JSON.stringify(json)}\n` : markdown(result));
  const { out } = values;
  if (out) {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, `${result.suite}.md`), markdown(result));
    await writeFile(join(out, `${result.suite}.json`), `${JSON.stringify(json, null, 1)}\n`);
    await writeFile(join(out, `${result.suite}.svg`), barChartSvg(result.sections[0]!.title, result.bars));
  }
  return 0;
}
