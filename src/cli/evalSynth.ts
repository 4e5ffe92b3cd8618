/**
 * `paper2net eval synth --count N --seed S [--styles a,b,…] [--jobs N] [--out DIR] [--json]`: DLPaper2Code's
 * experiment. Figure i of the dataset seeded S (the one `paper2net synth --seed S` writes) is drawn, read back by the
 * figure reader and scored against the model it draws (src/eval/figureScore.ts), in worker threads
 * (evalSynthWorker.ts), a fresh one every FIGURES_PER_THREAD figures. Streamed: this thread keeps only the per-style
 * tallies (histograms, counts, the few worst figures), so memory does not grow with N. A figure that takes longer
 * than FIGURE_LIMIT_MS stops its thread and is scored as read as nothing; the next thread goes on after it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  addFigure,
  createTally,
  markdownSection,
  synthBoxPlotSvg,
  synthJson,
  synthSections,
  type FigureResult,
  type StyleTally,
  type SynthRun,
} from '../eval/index.ts';
import { ALL_STYLES, classOfStyle, type FigureStyle } from '../synth/index.ts';
import type { FromSynthWorker, SynthShare } from './evalSynthWorker.ts';
import { workerStart } from './isolate.ts';
import { integerOption, UsageError } from './options.ts';
import { createProgress } from './progress.ts';
import { encodePng, resvgRasterizer } from './synth.ts';

/** resvg-js keeps every render's pixels until its thread exits (see synth.ts): a thread draws at most this many. */
export const FIGURES_PER_THREAD = 100;
/** One figure, drawn and read (the first of a thread also starts OCR, OpenCV and Graphviz). */
export const FIGURE_LIMIT_MS = 180_000;
/** Without a terminal, a progress line this often. */
const LOG_EVERY_MS = 30_000;

export interface SynthEvalOptions {
  count: number;
  seed: number;
  styles: FigureStyle[];
  jobs: number;
}

/** The options `eval synth` takes, checked; the other suites' options are refused. */
export function synthEvalOptions(values: Record<string, string | boolean | undefined>, pairs: readonly string[]): SynthEvalOptions {
  const foreign = ['corpus', 'manifest', 'truth'].filter((name) => values[name] !== undefined);
  if (foreign.length) throw new UsageError(`--${foreign[0]} is not used by eval synth (it draws its own figures)`);
  if (pairs.length) throw new UsageError(`eval synth takes no input=reference pairs (got "${pairs[0]}")`);
  const styles = (
    typeof values.styles === 'string'
      ? values.styles
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [...ALL_STYLES]
  ) as FigureStyle[];
  if (!styles.length) throw new UsageError('--styles names no style');
  for (const style of styles) {
    if (!(ALL_STYLES as readonly string[]).includes(style)) throw new UsageError(`unknown style "${style}"; known: ${ALL_STYLES.join(', ')}`);
  }
  return {
    count: integerOption('count', values.count as string | undefined, 100, 1),
    seed: integerOption('seed', values.seed as string | undefined, 1, Number.MIN_SAFE_INTEGER),
    styles,
    jobs: integerOption('jobs', values.jobs as string | undefined, 1, 1),
  };
}

/** A figure that was not read to the end: scored as a reading of no layers (styleTally.ts). */
function failure(index: number, styles: readonly FigureStyle[], error: string, seconds: number): FigureResult {
  const style = styles[index % styles.length]!;
  return { index, style, architecture: classOfStyle(style).architecture, layersRead: 0, renderSeconds: 0, readSeconds: seconds, error };
}

/**
 * Reads one share in a thread. Resolves with the indices it did not get to (after a figure over the time limit or a
 * crash, which is recorded as that figure's failure, so every call uses up at least one index), or rejects when the
 * thread fails before its first figure (no OCR, no traineddata: nothing would read).
 */
function readShare(share: SynthShare, collect: (result: FigureResult) => void, signal?: AbortSignal): Promise<SynthShare | undefined> {
  const { file, entry } = workerStart('evalSynthWorker');
  // tesseract prints diagnostics ("Estimating resolution as …") on the thread's stdout: kept off this process's.
  const worker = new Worker(file, { workerData: { entry, input: share }, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve, reject) => {
    let current: { index: number; at: number } | undefined;
    let next = share.first;
    let started = false;
    let settled = false;
    const settle = (why: string | undefined) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      signal?.removeEventListener('abort', stop);
      void worker.terminate();
      // Stopped: the figure in hand is neither read nor failed.
      if (signal?.aborted) return resolve(undefined);
      if (next >= share.end) return resolve(undefined);
      if (!started) return reject(new Error(`eval synth: the reading thread failed before its first figure: ${why ?? 'it stopped'}`));
      const index = current?.index ?? next;
      collect(failure(index, share.styles, why ?? 'the reading thread stopped early', current ? (Date.now() - current.at) / 1000 : 0));
      resolve(index + 1 < share.end ? { ...share, first: index + 1 } : undefined);
    };
    const stop = () => settle(undefined);
    signal?.addEventListener('abort', stop);
    const watch = setInterval(() => {
      if (current && Date.now() - current.at > FIGURE_LIMIT_MS) settle(`took longer than ${FIGURE_LIMIT_MS / 1000} s`);
    }, 1000);
    worker.on('message', (message: FromSynthWorker) => {
      if (message.type === 'start') {
        started = true;
        current = { index: message.index, at: Date.now() };
      } else {
        current = undefined;
        next = message.result.index + 1;
        collect(message.result);
      }
    });
    worker.on('error', (error) => settle(error.message || String(error)));
    worker.on('exit', (code) => settle(code === 0 ? undefined : `the reading thread stopped (exit code ${code})`));
  });
}

/** Progress on stderr: a redrawn bar on a terminal, else a line every LOG_EVERY_MS. */
function progressOf(total: number): { advance(label: string): void; done(): void } {
  if (process.stderr.isTTY) return createProgress('eval synth', total);
  const started = Date.now();
  let count = 0;
  let logged = started;
  return {
    advance() {
      count++;
      const now = Date.now();
      if (now - logged < LOG_EVERY_MS && count < total) return;
      logged = now;
      const rate = count / ((now - started) / 1000);
      const resident = Math.round(process.memoryUsage.rss() / 2 ** 20);
      process.stderr.write(
        `eval synth: ${count}/${total} figures, ${rate.toFixed(2)}/s, about ${Math.ceil((total - count) / rate / 60)} min left, ${resident} MB resident\n`,
      );
    },
    done() {},
  };
}

/**
 * Draws, reads and scores `count` figures; returns the per-style tallies in the order of `styles`. When `signal`
 * aborts, the threads are stopped and the figures scored so far are the result (`run.stopped`).
 */
export async function evalSynth(options: SynthEvalOptions, signal?: AbortSignal): Promise<{ tallies: StyleTally[]; run: SynthRun }> {
  const { count, seed, styles, jobs } = options;
  const tallies = new Map(styles.map((style) => [style, createTally(style, classOfStyle(style).architecture)]));
  const queue: SynthShare[] = [];
  for (let first = 0; first < count; first += FIGURES_PER_THREAD) queue.push({ seed, styles, first, end: Math.min(count, first + FIGURES_PER_THREAD) });
  const threads = Math.min(jobs, queue.length);
  const progress = progressOf(count);
  const started = performance.now();
  let scored = 0;
  const collect = (result: FigureResult) => {
    if (signal?.aborted) return;
    scored++;
    addFigure(tallies.get(result.style as FigureStyle)!, result);
    progress.advance(`#${result.index} ${result.style}`);
  };
  const lane = async () => {
    for (let share = queue.shift(); share && !signal?.aborted; share = queue.shift()) {
      const rest = await readShare(share, collect, signal);
      if (rest) queue.unshift(rest);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    progress.done();
  }
  // maxRSS (KiB) is the whole process's: this thread, the reading threads and the OCR threads inside them.
  const peakMemoryMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const stopped = scored < count ? { stopped: true } : {};
  return {
    tallies: [...tallies.values()],
    run: { seed, count: scored, styles, seconds: (performance.now() - started) / 1000, threads, peakMemoryMb, ...stopped },
  };
}

/** `eval synth` from the parsed command line: prints the tables (or JSON), and with `out` writes synth.{md,json,svg,png}. */
export async function runEvalSynth(options: SynthEvalOptions, output: { json: boolean; out?: string }): Promise<number> {
  // Ctrl-C (or SIGTERM) stops the run and reports the figures scored so far.
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write('eval synth: stopping; reporting the figures scored so far\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let result;
  try {
    result = await evalSynth(options, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  const { tallies, run } = result;
  const sections = synthSections(tallies, run);
  const markdown = sections.map(markdownSection).join('\n');
  const json = synthJson(
    tallies,
    run,
    sections.flatMap((s) => s.summary),
  );
  process.stdout.write(output.json ? `${JSON.stringify(json)}\n` : markdown);
  if (output.out) {
    await mkdir(output.out, { recursive: true });
    const svg = synthBoxPlotSvg(tallies, run);
    // The PNG is drawn by resvg, which `eval synth` needs anyway to draw the figures it reads.
    const png = encodePng(await resvgRasterizer.rasterize(svg, 2, ['DejaVu Sans']));
    await writeFile(join(output.out, 'synth.md'), markdown);
    await writeFile(join(output.out, 'synth.json'), `${JSON.stringify(json, null, 1)}\n`);
    await writeFile(join(output.out, 'synth.svg'), svg);
    await writeFile(join(output.out, 'synth.png'), png);
  }
  return 0;
}
