/**
 * `paper2net synth --count N --seed S --out DIR [--styles keras2,keras3,caffe,...] [--max-side PX] [--jobs N]`:
 * grammar models drawn as figures, one PNG and one truth JSON each, plus manifest.json. Also exports the Node rasteriser (resvg).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { encode } from 'fast-png';
import { ALL_STYLES, getViz, renderSample, type FigureStyle, type Rasterizer, type RgbaImage } from '../synth/index.ts';
import { SYNTH } from './commands.ts';
import { integerOption, parseCommand, UsageError } from './options.ts';
import { createProgress } from './progress.ts';

const FONT_DIR = '/usr/share/fonts/truetype';

/** Font files per family (Debian fonts-liberation and fonts-dejavu-core). resvg draws no text without them. */
export const FONT_FILES: Record<string, string[]> = {
  'Liberation Serif': ['liberation/LiberationSerif-Regular.ttf', 'liberation/LiberationSerif-Bold.ttf'],
  'Liberation Sans': ['liberation/LiberationSans-Regular.ttf', 'liberation/LiberationSans-Bold.ttf'],
  'Liberation Sans Narrow': ['liberation/LiberationSansNarrow-Regular.ttf', 'liberation/LiberationSansNarrow-Bold.ttf'],
  'Liberation Mono': ['liberation/LiberationMono-Regular.ttf', 'liberation/LiberationMono-Bold.ttf'],
  'DejaVu Serif': ['dejavu/DejaVuSerif.ttf', 'dejavu/DejaVuSerif-Bold.ttf'],
  'DejaVu Sans': ['dejavu/DejaVuSans.ttf', 'dejavu/DejaVuSans-Bold.ttf'],
  'DejaVu Sans Mono': ['dejavu/DejaVuSansMono.ttf', 'dejavu/DejaVuSansMono-Bold.ttf'],
};

/** resvg with only the fonts the figure uses (loading fonts is most of a small render's time). */
export const resvgRasterizer: Rasterizer = {
  async rasterize(svg: string, scale: number, fonts: readonly string[]): Promise<RgbaImage> {
    const families = fonts.length ? fonts : ['DejaVu Sans'];
    const fontFiles = families.flatMap((family) => {
      const files = FONT_FILES[family];
      if (!files) throw new Error(`synth: no font files for family "${family}"`);
      return files.map((f) => join(FONT_DIR, f));
    });
    // Without its font files resvg silently draws no text: a figure without labels is no training sample.
    const missing = fontFiles.filter((file) => !existsSync(file));
    if (missing.length) throw new Error(`synth: no font file ${missing.join(', ')}; install Debian's fonts-liberation and fonts-dejavu-core`);
    const resvg = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: families[0]! },
      fitTo: { mode: 'zoom', value: scale },
      background: 'white',
    });
    const rendered = resvg.render();
    return { width: rendered.width, height: rendered.height, data: new Uint8Array(rendered.pixels) };
  },
  async encodePng(image: RgbaImage): Promise<Uint8Array> {
    return encodePng(image);
  },
};

/** RGB PNG through fast-png, the project's one PNG library (figures have no transparency: dropping alpha saves a quarter of the bytes). */
export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  const rgb = new Uint8Array(width * height * 3);
  for (let s = 0, d = 0; s < data.length; s += 4, d += 3) {
    rgb[d] = data[s]!;
    rgb[d + 1] = data[s + 1]!;
    rgb[d + 2] = data[s + 2]!;
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 }, { zlib: { level: 3 } });
}

interface SynthArgs {
  count: number;
  seed: number;
  out: string;
  styles: FigureStyle[];
  /** Undefined: the size the tools give each figure (see renderSample). */
  maxSide: number | undefined;
  jobs: number;
}

function synthArgs(args: string[]): SynthArgs {
  const { values } = parseCommand(SYNTH, args);
  const styles = (values.styles ? values.styles.split(',').map((s) => s.trim()) : [...ALL_STYLES]) as FigureStyle[];
  for (const style of styles) {
    if (!(ALL_STYLES as readonly string[]).includes(style)) throw new UsageError(`unknown style "${style}"; known: ${ALL_STYLES.join(', ')}`);
  }
  return {
    count: integerOption('count', values.count, 10, 1),
    seed: integerOption('seed', values.seed, 1, Number.MIN_SAFE_INTEGER),
    out: values.out!,
    styles,
    maxSide: values['max-side'] === undefined ? undefined : integerOption('max-side', values['max-side'], 0, 64),
    jobs: integerOption('jobs', values.jobs, 1, 1),
  };
}

type ManifestEntry = Record<string, string | number | boolean>;

/**
 * Figures one worker thread renders before a fresh thread takes over. resvg-js 2.6 keeps each render's
 * pixels until its thread exits (thx/resvg-js#216: about 7 MB a figure, 15 GB for 2,000), so long runs
 * go through threads that each live for a bounded share.
 */
const FIGURES_PER_THREAD = 200;

/** A share of the dataset for one thread: every `stride`-th index from `first`, below `end`. */
interface Job {
  kind: 'paper2net-synth-job';
  seed: number;
  out: string;
  styles: FigureStyle[];
  maxSide: number | undefined;
  first: number;
  stride: number;
  end: number;
}

async function runJob(job: Job, done: (entry: ManifestEntry) => void): Promise<void> {
  const viz = await getViz();
  for (let index = job.first; index < job.end; index += job.stride) {
    const sample = await renderSample(job.seed, index, job.styles, { viz, rasterizer: resvgRasterizer }, job.maxSide ? { maxSide: job.maxSide } : {});
    const stem = `${String(index).padStart(6, '0')}-${sample.style}`;
    writeFileSync(join(job.out, `${stem}.png`), sample.png);
    writeFileSync(join(job.out, `${stem}.json`), JSON.stringify(sample.truth));
    done({
      index,
      style: sample.style,
      architecture: sample.truth.architecture,
      kind: sample.truth.kind,
      image: `${stem}.png`,
      truth: `${stem}.json`,
      width: sample.truth.width,
      height: sample.truth.height,
      dataset: sample.model.dataset.name,
      layers: sample.model.graph.layers.length,
      depth: sample.model.depth,
    });
  }
}

// A worker thread started by run() runs its share and reports each entry.
if (!isMainThread && (workerData as Job | undefined)?.kind === 'paper2net-synth-job') {
  await runJob(workerData as Job, (entry) => parentPort!.postMessage(entry));
}

function runInWorker(job: Job, done: (entry: ManifestEntry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = import.meta.url.endsWith('.ts')
      ? // Run from source: the worker registers tsx's loader itself (loader hooks do not carry over), then loads this file.
        new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`,
          { eval: true, workerData: job },
        )
      : // The built CLI: this file is plain JavaScript.
        new Worker(new URL(import.meta.url), { workerData: job });
    worker.on('message', done);
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`synth: worker ${job.first} exited with code ${code}`))));
  });
}

export async function run(args: string[]): Promise<number> {
  const { count, seed, out, styles, maxSide, jobs } = synthArgs(args);
  mkdirSync(out, { recursive: true });
  const entries: ManifestEntry[] = [];
  const started = performance.now();
  const job = (first: number, stride: number, end: number): Job => ({ kind: 'paper2net-synth-job', seed, out, styles, maxSide, first, stride, end });
  const progress = createProgress('synth', count);
  const collect = (entry: ManifestEntry): void => {
    entries.push(entry);
    progress.advance(String(entry.image));
  };
  if (jobs === 1 && count <= FIGURES_PER_THREAD) await runJob(job(0, 1, count), collect);
  else {
    // Batches of `jobs` threads, each thread taking every jobs-th figure of its batch.
    for (let start = 0; start < count; start += jobs * FIGURES_PER_THREAD) {
      const end = Math.min(count, start + jobs * FIGURES_PER_THREAD);
      const threads = Math.min(jobs, end - start);
      await Promise.all(Array.from({ length: threads }, (_, k) => runInWorker(job(start + k, threads, end), collect)));
    }
  }
  progress.done();
  entries.sort((a, b) => Number(a.index) - Number(b.index));
  const seconds = (performance.now() - started) / 1000;
  const manifest = { format: 'paper2net.synth/1', seed, count, styles, ...(maxSide ? { maxSide } : {}), samples: entries };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));
  process.stderr.write(
    `synth: ${count} figures in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(1)}/s, ${jobs} thread${jobs > 1 ? 's' : ''}) → ${out}\n`,
  );
  return 0;
}
