/**
 * The option table of every command: what `paper2net <command>` accepts and what its `--help` says. Data only,
 * so the launcher checks a command line and prints help without loading the command's (heavy) module.
 */
import type { CommandSpec, OptionTable } from './options.ts';

const command = <O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O> => spec;

export const EXTRACT = command({
  name: 'extract',
  summary: 'the network designs a paper describes (tables, prose, vector and bitmap figures), as graph JSON',
  positionals: 'paper.pdf',
  minPositionals: 1,
  maxPositionals: 1,
  options: {
    out: { type: 'string', value: 'DIR', help: "also write each design's graph JSON and its code bundle (ZIP) into DIR" },
    json: { type: 'boolean', help: 'print {"designs": [...], "regions": [...], "warnings": [...]}' },
    'max-pages': { type: 'string', value: 'N', help: 'read only the first N pages' },
    'no-bitmaps': { type: 'boolean', help: 'skip bitmap figures (no rendering, classifier or OCR; seconds faster)' },
    'no-ocr': { type: 'boolean', help: 'leave out pages whose text layer is unreadable or missing instead of reading them by OCR' },
  },
});

export const FIGURE = command({
  name: 'figure',
  summary: 'one architecture diagram (an image, or a figure inside a PDF) → graph',
  positionals: 'image.png|image.jpg|paper.pdf',
  minPositionals: 1,
  maxPositionals: 1,
  options: {
    page: { type: 'string', value: 'N', help: 'the page of a PDF to read (default 1)' },
    bbox: { type: 'string', value: 'x0,y0,x1,y1', help: "the figure's box on that page in PDF points (default: each captioned figure, best reading wins)" },
    json: { type: 'boolean', help: 'print {"graph", "nodes", "edges", "warnings"}' },
  },
  notes: ['Exits 1 when no layer was read.'],
});

export const CLASSIFY = command({
  name: 'classify',
  summary: 'is each image an architecture figure, and which kind',
  positionals: 'image.png|image.jpg [more images]',
  minPositionals: 1,
  maxPositionals: Infinity,
  options: {
    json: { type: 'boolean', help: 'print {"architecture": p, "kind", "scores"} (an array of them for several images)' },
    model: { type: 'string', value: 'FILE', help: 'an ONNX classifier to use instead of models/figure-classifier.onnx' },
  },
});

export const CODEGEN = command({
  name: 'codegen',
  summary: 'code for a graph: Keras, Caffe (with weights), PyTorch, ONNX',
  positionals: 'graph.json|-',
  minPositionals: 1,
  maxPositionals: 1,
  options: {
    target: { type: 'string', value: 'LIST', help: 'keras, caffe, pytorch, onnx (comma-separated) or all (default all)' },
    out: { type: 'string', value: 'DIR|x.zip', required: true, help: 'a folder to write the files into, or a ZIP file' },
    weights: {
      type: 'string',
      value: 'seeded|placeholder',
      help: 'seeded random weights in .caffemodel and .onnx (default), or constant placeholders (kilobytes)',
    },
  },
  notes: [
    '"-" reads the graph JSON from stdin. Exits 1 when the graph is invalid or no target can express it.',
    'Seeded weight files are written up to 2 GB in all; a bigger design is refused unless --weights placeholder.',
  ],
});

export const IMPORT = command({
  name: 'import',
  summary: 'a model file (Caffe prototxt, Keras or MXNet JSON, ONNX) → graph JSON on stdout',
  positionals: 'model.prototxt|model.json|model.onnx',
  minPositionals: 1,
  maxPositionals: 1,
  options: {},
});

export const SYNTH = command({
  name: 'synth',
  summary: 'synthetic figures: grammar models drawn in many styles, a PNG and a truth JSON each, plus manifest.json',
  positionals: '',
  minPositionals: 0,
  maxPositionals: 0,
  options: {
    count: { type: 'string', value: 'N', help: 'how many figures (default 10)' },
    seed: { type: 'string', value: 'S', help: 'random seed; the same seed draws the same figures (default 1)' },
    out: { type: 'string', value: 'DIR', required: true, help: 'the folder to write into' },
    styles: { type: 'string', value: 'LIST', help: 'comma-separated figure styles (default all), e.g. keras2,keras3,caffe' },
    'max-side': { type: 'string', value: 'PX', help: 'the longest side of an image in pixels (default none: the size the tools draw, at most 6 MP)' },
    jobs: { type: 'string', value: 'N', help: 'worker threads (default 1)' },
  },
});

export const EVAL = command({
  name: 'eval',
  summary: 'accuracy on real files (papers, figures, classify) or on fresh synthetic figures (synth), as Markdown tables (or JSON) and charts',
  positionals: 'papers|figures|classify|synth [input=reference ...]',
  minPositionals: 1,
  maxPositionals: Infinity,
  options: {
    corpus: { type: 'string', value: 'DIR', help: 'the corpus the manifest paths are relative to (default ../shared/corpus)' },
    manifest: { type: 'string', value: 'FILE', help: 'what the suites read (default eval/manifest.json)' },
    truth: { type: 'string', value: 'FILE', help: "a truth.json whose papers are scored too (default the manifest's)" },
    json: { type: 'boolean', help: 'print one JSON document instead of Markdown tables' },
    out: { type: 'string', value: 'DIR', help: 'also write <suite>.md, <suite>.json and <suite>.svg (synth: and synth.png) into DIR' },
    count: { type: 'string', value: 'N', help: 'synth: how many figures to draw and read (default 100)' },
    seed: { type: 'string', value: 'S', help: 'synth: the seed of the figures, as paper2net synth --seed draws them (default 1)' },
    styles: { type: 'string', value: 'LIST', help: 'synth: comma-separated figure styles (default all), e.g. keras2,caffe,flow2d' },
    jobs: { type: 'string', value: 'N', help: 'synth: reading threads (default 1)' },
  },
  notes: [
    'input=reference pairs (paper.pdf=model.prototxt, image.png=builtin:lenet5) score your own files instead of the manifest.',
    'synth draws figure i of the seed, reads it back with the figure reader and scores layers, edges and shown params',
    'per style (quartiles and box plots; negatives: how often no layer is read); it keeps no figure, so N can be 100,000.',
  ],
});

export const BATCH = command({
  name: 'batch',
  summary: 'many papers into a collection folder (index.json + one JSON per paper), resumable, in worker threads',
  positionals: 'folder|list.txt',
  minPositionals: 1,
  maxPositionals: Infinity,
  options: {
    out: { type: 'string', value: 'DIR', required: true, help: 'the collection folder to write (or resume, or merge into)' },
    jobs: { type: 'string', value: 'N', help: 'papers read at once, each in its own worker thread (default: the number of cores)' },
    'no-bitmaps': { type: 'boolean', help: 'skip bitmap figures (no rendering, classifier or OCR; much faster)' },
    timeout: { type: 'string', value: 'S', help: 'seconds one paper may take before it is stopped and recorded as failed (default 600)' },
    shard: { type: 'string', value: 'i/n', help: 'read only part i of n, split by file hash (one part per machine; join them with --merge)' },
    zips: { type: 'boolean', help: "also write each design's code bundle (ZIP, placeholder weights) into zips/" },
    merge: { type: 'boolean', help: 'join collection folders (the positionals: the parts of a --shard run) into --out' },
    reviews: { type: 'boolean', help: 'with --merge: the positionals are review files (paper2net.review/1) to merge into the collection --out' },
  },
  notes: [
    'A folder is read for its *.pdf files; a list file names one PDF per line (relative to the list; # comments).',
    'A second run into the same --out skips papers already read (by content hash) and retries failed ones.',
    'A paper over its time or memory limit, or a damaged file, is recorded in index.json with the reason; the run goes on.',
    'Progress, one line per paper with the rate and time left, goes to stderr. Format: docs/collection.md.',
    'Example: paper2net batch --merge --out all/ part1/ part2/',
    'Example: paper2net batch --merge --reviews --out all/ review1.json review2.json',
  ],
});

/** In the order the top-level help lists them. */
export const COMMANDS: readonly CommandSpec[] = [EXTRACT, BATCH, FIGURE, CLASSIFY, CODEGEN, IMPORT, SYNTH, EVAL];
