/**
 * Pixels of one region of a PDF page, for the figure classifier and the bitmap figure reader. pdf.js paints
 * only the region (the viewport is shifted so the bbox lands at the canvas origin) into a canvas made by the
 * document's own canvas factory: @napi-rs/canvas under Node's legacy build, the OffscreenCanvas factory the
 * pipeline worker passes in the browser. So this file names neither Node nor the DOM. Whole pages rendered
 * here are what the page model's OCR (ReadOptions.ocr) reads when a page's text layer cannot be trusted.
 */
import { encode as encodePng } from 'fast-png';
import type { RgbaImage } from '../classify/index.ts';
import type { Ocr } from '../diagrams/index.ts';
import { IMAGE_PIXEL_LIMIT, type Box, type PageOcr, type Pdfjs } from '../paper/index.ts';

export interface RegionRendererOptions {
  /** Extra getDocument parameters: font and wasm locations, a CanvasFactory for workers. */
  documentParams?: Record<string, unknown>;
}

export interface RegionRenderer {
  /**
   * The bbox (PDF points, top-left origin) of page `pageNumber` (1-based) as RGBA pixels on white paper, at
   * `scale` pixels per point (default 2: 8-pt labels become ~22 px tall, what OCR reads well).
   */
  render(pageNumber: number, bbox: Box, scale?: number): Promise<RgbaImage>;
  close(): Promise<void>;
}

interface CanvasAndContext {
  canvas: unknown;
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
  };
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

/** Bitmaps above this many pixels are scaled down: a full-page figure at 2× is ~2.3 Mpx, OCR gains nothing beyond. */
const MAX_PIXELS = 4_000_000;

/** Opens the PDF on first use (a second pdf.js document beside the page model's, which is closed by then). */
export function createRegionRenderer(bytes: Uint8Array, pdfjs: Pdfjs, options: RegionRendererOptions = {}): RegionRenderer {
  let task: ReturnType<Pdfjs['getDocument']> | undefined;
  const open = () => {
    // Images over the pixel budget are left out undecoded, as in the page model (which warns about them).
    task ??= pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      maxImageSize: IMAGE_PIXEL_LIMIT,
      verbosity: 0,
      ...options.documentParams,
    });
    return task.promise;
  };
  return {
    async render(pageNumber, [x0, y0, x1, y1], wanted = 2) {
      const doc = await open();
      const page = await doc.getPage(pageNumber);
      const area = Math.max(1, (x1 - x0) * (y1 - y0));
      const scale = Math.min(wanted, Math.sqrt(MAX_PIXELS / area));
      const width = Math.max(1, Math.round((x1 - x0) * scale));
      const height = Math.max(1, Math.round((y1 - y0) * scale));
      const factory = doc.canvasFactory as CanvasFactory;
      const target = factory.create(width, height);
      try {
        target.context.fillStyle = '#ffffff';
        target.context.fillRect(0, 0, width, height);
        const viewport = page.getViewport({ scale, offsetX: -x0 * scale, offsetY: -y0 * scale });
        await page.render({ canvas: null, canvasContext: target.context as unknown as CanvasRenderingContext2D, viewport }).promise;
        const { data } = target.context.getImageData(0, 0, width, height);
        return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
      } catch (error) {
        throw new Error(
          `page ${pageNumber}: cannot render [${[x0, y0, x1, y1].map(Math.round).join(', ')}] (${error instanceof Error ? error.message : String(error)})`,
          { cause: error },
        );
      } finally {
        factory.destroy(target);
        page.cleanup();
      }
    },
    async close() {
      await task?.destroy();
      task = undefined;
    },
  };
}

/** Pixels per point for a whole page: body text gets ~20 px capitals (MAX_PIXELS holds a Letter page to ~2.9). */
const PAGE_SCALE = 3;

/**
 * ReadOptions.ocr from a renderer and an OCR engine (started by the caller, on first use): the whole page
 * rendered, its words read in tesseract's sparse mode (each word with its box; the page model orders them),
 * the boxes mapped back to PDF points.
 */
export function createPageOcr(render: (pageNumber: number, bbox: Box, scale: number) => Promise<RgbaImage>, ocr: () => Promise<Ocr>): PageOcr {
  return async (pageNumber, [width, height]) => {
    const image = await render(pageNumber, [0, 0, width, height], PAGE_SCALE);
    const png = encodePng({ width: image.width, height: image.height, data: image.data, channels: 4, depth: 8 });
    const words = await (await ocr()).readWords(png);
    const sx = width / image.width;
    const sy = height / image.height;
    return words.map((w) => ({ text: w.text, box: [w.box[0] * sx, w.box[1] * sy, w.box[2] * sx, w.box[3] * sy], confidence: w.confidence }));
  };
}
