/**
 * The figure reader: one architecture diagram → a `paper2net.graph/1` graph. Vector figures are read from
 * the page model (exact text and paths); bitmaps go through OpenCV.js boxes/connectors and tesseract.js.
 */
import type { Page } from '../paper/index.ts';
import { buildGraph } from './build.ts';
import type { RgbaPixels } from './raster/image.ts';
import { createOcr, type Ocr, type OcrOptions } from './raster/ocr.ts';
import type { OpenCvLoader } from './raster/opencv.ts';
import type { Box, FigureReading } from './types.ts';
import { readVector } from './vector.ts';

export type { Box, DiagramEdge, DiagramNode, FigureReading } from './types.ts';
export { recognizeLabel, type Recognition } from './labels.ts';
export { createOcr, type Ocr, type OcrOptions } from './raster/ocr.ts';
export type { GreyImage, RgbaPixels } from './raster/image.ts';
export type { OpenCvLoader } from './raster/opencv.ts';

export type FigureInput =
  /** A PNG or JPEG of one diagram. */
  | { kind: 'image'; bytes: Uint8Array; name?: string }
  /**
   * A figure on a PDF page. `bbox` (PDF points) limits it to the figure; `caption` is copied into
   * graph.source. A bitmap figure needs `render`: a PNG/JPEG of exactly the bbox, which is then read by OCR.
   * A render is read whenever it is given: the caller has decided the figure is a picture (text near a placed
   * image, such as sub-figure labels, would otherwise send it to the vector reader).
   */
  | { kind: 'page'; page: Page; bbox?: Box; caption?: string; name?: string; render?: Uint8Array };

export interface ReadFigureOptions {
  /** An OCR engine to reuse across figures, or where to find the traineddata to start one (raster only). */
  ocr?: Ocr | OcrOptions;
  /** How to load OpenCV.js (raster only); default a dynamic import. Node passes `require`'s copy, wrapped as { module }. */
  opencv?: OpenCvLoader;
}

const isEngine = (o: Ocr | OcrOptions): o is Ocr => typeof (o as Ocr).read === 'function';

async function withOcr<T>(options: ReadFigureOptions, use: (ocr: Ocr) => Promise<T>): Promise<T> {
  if (!options.ocr) throw new Error('figure reader: a bitmap figure needs OCR (options.ocr: an engine or its langPath)');
  if (isEngine(options.ocr)) return use(options.ocr);
  const ocr = await createOcr(options.ocr);
  try {
    return await use(ocr);
  } finally {
    await ocr.terminate();
  }
}

/**
 * The bitmap reader's modules (image codecs, OpenCV boxes and connectors), loaded for the first bitmap: a reading of
 * vector figures only, as `extract --no-bitmaps`, never pays their start-up.
 */
const rasterModules = () => Promise.all([import('./raster/image.ts'), import('./raster/read.ts')]);

async function decodeFigure(bytes: Uint8Array): Promise<RgbaPixels> {
  const [{ decodeRgba }] = await rasterModules();
  try {
    return decodeRgba(bytes);
  } catch (error) {
    throw new Error(`figure image: ${(error as Error).message}`, { cause: error });
  }
}

/** A page region is read as vector when it holds text; otherwise it is a picture. */
function pageHasText(page: Page, bbox: Box): boolean {
  return page.texts.some(
    (t) =>
      (t.box[0] + t.box[2]) / 2 >= bbox[0] &&
      (t.box[0] + t.box[2]) / 2 <= bbox[2] &&
      (t.box[1] + t.box[3]) / 2 >= bbox[1] &&
      (t.box[1] + t.box[3]) / 2 <= bbox[3],
  );
}

export async function readFigure(input: FigureInput, options: ReadFigureOptions = {}): Promise<FigureReading> {
  if (input.kind === 'image') {
    const [{ greyOf }, { readRaster }] = await rasterModules();
    const rgba = await decodeFigure(input.bytes);
    const image = greyOf(rgba);
    const found = await withOcr(options, (ocr) => readRaster(image, ocr, options.opencv, rgba));
    const bbox: Box = [0, 0, image.width, image.height];
    const { graph, warnings } = buildGraph(found.nodes, found.edges, { name: input.name ?? 'figure', page: 1, bbox });
    return { graph, nodes: found.nodes, edges: found.edges, warnings: [...found.warnings, ...warnings] };
  }
  const { page } = input;
  const bbox: Box = input.bbox ?? [0, 0, page.width, page.height];
  const ctx = { name: input.name ?? `figure_p${page.number}`, page: page.number, bbox, ...(input.caption ? { caption: input.caption } : {}) };
  if (input.render) {
    const [{ greyOf }, { readRaster }] = await rasterModules();
    const rgba = await decodeFigure(input.render);
    const image = greyOf(rgba);
    const sx = (bbox[2] - bbox[0]) / image.width;
    const sy = (bbox[3] - bbox[1]) / image.height;
    const toPage = (b: Box): Box => [bbox[0] + b[0] * sx, bbox[1] + b[1] * sy, bbox[0] + b[2] * sx, bbox[1] + b[3] * sy];
    const found = await withOcr(options, (ocr) => readRaster(image, ocr, options.opencv, rgba));
    const { graph, warnings } = buildGraph(found.nodes, found.edges, { ...ctx, toPage });
    return { graph, nodes: found.nodes, edges: found.edges, warnings: [...found.warnings, ...warnings] };
  }
  const found = readVector(page, bbox);
  if (!pageHasText(page, bbox)) found.warnings.push(`page ${page.number}: the figure has no text (a bitmap?); pass a render of it to read it by OCR`);
  const { graph, warnings } = buildGraph(found.nodes, found.edges, ctx);
  return { graph, nodes: found.nodes, edges: found.edges, warnings: [...found.warnings, ...warnings] };
}
