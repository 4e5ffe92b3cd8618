/**
 * Figure regions → designs. Vector figures are read from the page model. Bitmap figures (placed images, or
 * drawings whose labels are outlines rather than text) are rendered, shown to the figure classifier, and only
 * those it calls architecture drawings go to the OCR reader, which takes seconds per figure. Rendering,
 * classifying and OCR are injected (`BitmapFigures`), so this file runs unchanged in Node and in a worker.
 */
import type { Classification, RgbaImage } from '../classify/index.ts';
import { createOcr, readFigure, type Ocr, type ReadFigureOptions } from '../diagrams/index.ts';
import { validateGraph, type Graph } from '../graph/index.ts';
import type { Box, Page, Region } from '../paper/index.ts';
import type { FoundRegion, ProgressFn, RegionVerdict } from './protocol.ts';
import { roundBox } from '../geometry/index.ts';

export interface BitmapFigures {
  /** The bbox (PDF points) of page `pageNumber` as RGBA pixels, at `scale` pixels per point. */
  render(pageNumber: number, bbox: Box, scale: number): Promise<RgbaImage>;
  /** The figure classifier (models/figure-classifier.onnx) on one image. */
  classify(image: RgbaImage): Promise<Classification>;
  /** OCR (an engine, reused, or where to start one: started once, on the first accepted figure) and OpenCV. */
  reader: ReadFigureOptions;
  /**
   * Starts the OCR engine of a reader that starts its own on first use, so it loads alongside OpenCV (each takes
   * seconds) instead of after it. Called when the first figure is accepted.
   */
  startReader?(): void;
  /** P(architecture) from which a figure is read (default 0.5). */
  threshold?: number;
}

export interface FigureCandidate {
  page: Page;
  region: Region;
  /** The region's entry in the extraction's region list, where the classifier's verdict is written. */
  found: FoundRegion;
}

/** Milliseconds spent on one bitmap figure, for benchmarks and the eval report. */
export interface BitmapTiming {
  page: number;
  label: string;
  pixels: [number, number];
  renderMs: number;
  classifyMs: number;
  /** Undefined when the classifier turned the figure away. */
  readMs?: number;
}

/**
 * A figure reading is kept as a design only when it is one connected network (one Input) with at least
 * three layers with weights and the diagram reader is fairly sure of it; plots and photos read as
 * diagrams produce stray boxes, which must not become designs.
 */
export function convincingFigure(graph: Graph): boolean {
  return figureDoubts(graph).length === 0;
}

/** Why a figure reading is not convincing (empty when it is), in the terms of `convincingFigure`. */
export function figureDoubts(graph: Graph): string[] {
  const inputs = graph.layers.filter((l) => l.type === 'Input').length;
  const weights = graph.layers.filter((l) => /^(Conv|Dense|DepthwiseConv)/.test(l.type)).length;
  const confidence = graph.confidence ?? 0;
  const doubts: string[] = [];
  if (inputs !== 1) doubts.push(inputs ? `${inputs} separate inputs` : 'no input');
  if (weights < 3) doubts.push(`${weights} layer${weights === 1 ? '' : 's'} with weights (3 needed)`);
  if (confidence < 0.6) doubts.push(`confidence ${confidence.toFixed(2)}`);
  const errors = validateGraph(graph).filter((i) => i.severity === 'error').length;
  if (errors) doubts.push(`${errors} validation error${errors === 1 ? '' : 's'}`);
  return doubts;
}

/** The region's verdict for a figure reading: kept, or read and why not convincing. */
function figureVerdict(graph: Graph, kept: boolean, prefix = 'figure'): RegionVerdict {
  const layers = `${graph.layers.length} layer${graph.layers.length === 1 ? '' : 's'}`;
  if (kept) return { designs: 1, reason: `${prefix} read: ${layers} (confidence ${(graph.confidence ?? 0).toFixed(2)})` };
  const unread = graph.warnings?.find((w) => /unread|not read/i.test(w));
  if (graph.layers.length === 0) return { designs: 0, reason: `${prefix}: no layers read${unread ? ` (${unread})` : ''}` };
  return { designs: 0, reason: `${prefix} read: ${layers}, not convincing: ${[...figureDoubts(graph), ...(unread ? [unread] : [])].join('; ')}` };
}

/** Text whose centre lies in the box: a figure without any is a bitmap or has its labels as outlines. */
export function hasText(page: Page, [x0, y0, x1, y1]: Box): boolean {
  return page.texts.some((t) => {
    const cx = (t.box[0] + t.box[2]) / 2;
    const cy = (t.box[1] + t.box[3]) / 2;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
}

function keep(graph: Graph, { page, region, found }: FigureCandidate, prefix?: string): Graph | undefined {
  const convincing = convincingFigure(graph);
  found.verdict = figureVerdict(graph, convincing, prefix);
  if (!convincing) return undefined;
  graph.source = { ...graph.source, page: page.number, kind: 'figure', caption: region.caption.text, bbox: roundBox(region.box) };
  return graph;
}

/**
 * Pixels per point to render a region at: 2 for drawings, more for a placed bitmap finer than that (a tall
 * Keras plot shrunk into a column keeps its small labels legible), at most 4.
 */
export function renderScale(page: Page, [x0, y0, x1, y1]: Box): number {
  let scale = 2;
  for (const image of page.images) {
    const [ix0, iy0, ix1, iy1] = image.box;
    if (!image.pixels || ix0 >= x1 || ix1 <= x0 || iy0 >= y1 || iy1 <= y0) continue;
    scale = Math.max(scale, image.pixels[0] / Math.max(1, ix1 - ix0), image.pixels[1] / Math.max(1, iy1 - iy0));
  }
  return Math.min(4, scale);
}

/** The region a progress report is about, as the region list names it. */
const regionKey = ({ found }: FigureCandidate) => ({ page: found.page, bbox: found.bbox });

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function readVectorFigures(candidates: FigureCandidate[], warnings: string[], progress: ProgressFn = () => {}): Promise<Graph[]> {
  const designs: Graph[] = [];
  for (const [i, candidate] of candidates.entries()) {
    const { page, region } = candidate;
    progress({ stage: 'figures', fraction: i / candidates.length, message: `page ${page.number}, ${region.caption.label}`, region: regionKey(candidate) });
    try {
      const { graph } = await readFigure({ kind: 'page', page, bbox: region.box, caption: region.caption.text, name: region.caption.label });
      const design = keep(graph, candidate);
      if (design) designs.push(design);
    } catch (error) {
      candidate.found.verdict = { designs: 0, reason: `figure could not be read: ${describeError(error)}` };
      warnings.push(`page ${page.number}, ${region.caption.label}: the figure could not be read (${describeError(error)})`);
    }
  }
  return designs;
}

export async function readBitmapFigures(
  candidates: FigureCandidate[],
  bitmaps: BitmapFigures,
  warnings: string[],
  progress: ProgressFn = () => {},
): Promise<{ designs: Graph[]; timings: BitmapTiming[] }> {
  const threshold = bitmaps.threshold ?? 0.5;
  const designs: Graph[] = [];
  const timings: BitmapTiming[] = [];
  const given = bitmaps.reader.ocr;
  let started: Ocr | undefined;
  const ocr = async (): Promise<Ocr> => {
    if (given && 'read' in given) return given;
    if (!given) throw new Error('bitmap figures need OCR (reader.ocr)');
    started ??= await createOcr(given);
    return started;
  };
  try {
    for (const [i, candidate] of candidates.entries()) {
      const { page, region, found } = candidate;
      const where = `page ${page.number}, ${region.caption.label}`;
      const step = (message: string) =>
        progress({ stage: 'bitmaps', fraction: i / candidates.length, message: `${where}: ${message}`, region: regionKey(candidate) });
      try {
        step('rendering');
        const t0 = performance.now();
        const image = await bitmaps.render(page.number, region.box, renderScale(page, region.box));
        const t1 = performance.now();
        step('classifying');
        const verdict = await bitmaps.classify(image);
        const t2 = performance.now();
        const accepted = verdict.architecture >= threshold;
        found.classified = { architecture: Math.round(verdict.architecture * 1000) / 1000, kind: accepted ? verdict.kind : 'other', read: accepted };
        const timing: BitmapTiming = {
          page: page.number,
          label: region.caption.label,
          pixels: [image.width, image.height],
          renderMs: t1 - t0,
          classifyMs: t2 - t1,
        };
        timings.push(timing);
        if (!accepted) {
          found.verdict = { designs: 0, reason: `bitmap: not an architecture drawing (${verdict.architecture.toFixed(2)})` };
          continue;
        }
        step(`reading an architecture drawing (${verdict.kind}) by OCR`);
        bitmaps.startReader?.();
        // Loaded here, for the drawings read: the PNG package is a tenth of a short paper's reading without bitmaps.
        const { encode: encodePng } = await import('fast-png');
        const render = encodePng({ width: image.width, height: image.height, data: image.data, channels: 4, depth: 8 });
        const reading = await readFigure(
          { kind: 'page', page, bbox: region.box, caption: region.caption.text, name: region.caption.label, render },
          { ...bitmaps.reader, ocr: await ocr() },
        );
        timing.readMs = performance.now() - t2;
        // Like a vector figure, an unconvincing reading is dropped quietly: the region's verdict says it was read.
        const design = keep(reading.graph, candidate, `bitmap, architecture drawing (${verdict.architecture.toFixed(2)})`);
        if (design) designs.push(design);
      } catch (error) {
        found.verdict = { designs: 0, reason: `bitmap figure could not be read: ${describeError(error)}` };
        warnings.push(`${where}: the bitmap figure could not be read (${describeError(error)})`);
      }
    }
  } finally {
    await started?.terminate();
  }
  return { designs, timings };
}
