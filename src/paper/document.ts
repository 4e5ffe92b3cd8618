/**
 * PDF bytes → page model. Bounded: at most `maxPages` pages are read, each within `pageTimeMs`, the whole
 * document within `totalTimeMs`; whatever is cut short is reported in `warnings`, never silently dropped.
 */
import type { Box, ImageItem, Page, PaperDocument, PathItem, PathKind, TextItem } from './types.ts';
import { loadDefaultPdfjs, type Pdfjs } from './pdfjs.ts';
import { looksLikeDrawingPage } from './drawingPage.ts';
import { markFurniture } from './furniture.ts';
import { bodyFontSize, groupLines } from './lines.ts';

export interface ReadOptions {
  /** Pages scanned from the start (default 60). */
  maxPages?: number;
  /** Budget per page for its text and drawing operators (default 4000 ms). */
  pageTimeMs?: number;
  /** Budget for the whole document (default 30000 ms). */
  totalTimeMs?: number;
  /**
   * Which pages get their drawing operators read (paths, images): 'captioned' (default) only pages whose
   * text names a figure or table — the only pages regions are built on — 'all', or 'none' (text only).
   */
  drawings?: 'captioned' | 'all' | 'none';
  /** Shorthand for drawings: 'none'. */
  textOnly?: boolean;
  /** The pdf.js module to use; defaults to the legacy build (Node). */
  pdfjs?: Pdfjs;
}

/** A PDF that cannot be read at all: not a PDF, encrypted, empty. */
export class PdfReadError extends Error {
  override name = 'PdfReadError';
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

function transformBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(1024, bytes.length)));
  return head.includes('%PDF-');
}

export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<PaperDocument> {
  const maxPages = options.maxPages ?? 60;
  const pageTimeMs = options.pageTimeMs ?? 4000;
  const deadline = Date.now() + (options.totalTimeMs ?? 30000);
  if (bytes.length === 0) throw new PdfReadError('not a PDF: the file is empty');
  if (!looksLikePdf(bytes)) throw new PdfReadError('not a PDF: no "%PDF-" header in the first 1 KB');
  const lib = options.pdfjs ?? (await loadDefaultPdfjs());
  const { OPS } = lib;
  // pdf.js takes ownership of (detaches) the buffer it is given; hand it a copy.
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await withTimeout(task.promise, Math.max(1000, deadline - Date.now()), 'opening the PDF');
  } catch (error) {
    void task.destroy();
    const message = error instanceof Error ? error.message : String(error);
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new PdfReadError('the PDF is encrypted and needs a password');
    if (name === 'InvalidPDFException') throw new PdfReadError(`not a readable PDF (${message})`);
    throw new PdfReadError(`cannot open the PDF: ${message}`);
  }
  const warnings: string[] = [];
  const pageCount = pdf.numPages;
  if (pageCount === 0) {
    await task.destroy();
    throw new PdfReadError('the PDF has no pages');
  }
  if (pageCount > maxPages) warnings.push(`only the first ${maxPages} of ${pageCount} pages were read`);
  const pages: Page[] = [];
  try {
    for (let number = 1; number <= Math.min(pageCount, maxPages); number++) {
      // The first page is always read, so a spent budget still yields a partial result.
      if (number > 1 && Date.now() > deadline) {
        warnings.push(`time budget used up: stopped before page ${number} of ${pageCount}`);
        break;
      }
      try {
        const pdfPage = await withTimeout(pdf.getPage(number), pageTimeMs, `page ${number}`);
        const drawings = options.textOnly ? 'none' : (options.drawings ?? 'captioned');
        const page = await withTimeout(readPage(pdfPage, number, OPS, drawings), pageTimeMs, `page ${number}`);
        if (page.texts.length === 0) warnings.push(`page ${number} has no text layer (a scan?); its tables and text cannot be read without OCR`);
        pages.push(page);
        pdfPage.cleanup();
      } catch (error) {
        warnings.push(`page ${number} skipped: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await task.destroy();
  }
  if (pages.length === 0 && pageCount > 0 && warnings.length > 0) {
    throw new PdfReadError(`no page could be read (${warnings.join('; ')})`);
  }
  markFurniture(pages);
  // One page may be mostly table cells or code; the document's paragraphs tell its body size.
  const bodySize = bodyFontSize(pages.flatMap((p) => groupLines(p.texts.filter((t) => !t.furniture))));
  for (const page of pages) page.bodySize = bodySize;
  return { pages, pageCount, warnings };
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

const CAPTIONED = /\b(fig(ure)?s?\.?|tab(le|\.))\s*([0-9]+|[IVXL]+)\b/i;

async function readPage(pdfPage: PdfPage, number: number, OPS: Pdfjs['OPS'], drawings: 'captioned' | 'all' | 'none'): Promise<Page> {
  const viewport = pdfPage.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const content = await pdfPage.getTextContent();
  const texts: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const t = item.transform as Matrix;
    const m = multiply(view, t);
    const size = Math.hypot(t[2], t[3]) || item.height || 1;
    const scaleX = Math.hypot(t[0], t[1]) || 1;
    // Glyph space box: baseline at y=0, ascent ~0.8 em, descent ~0.2 em, width in text space units.
    const box = transformBox(m, 0, -0.22, item.width / scaleX, 0.78);
    const rotated = Math.abs(m[1]) > Math.abs(m[0]) * 0.2 || item.dir === 'ttb';
    texts.push({ str: item.str, box, size, font: item.fontName, rotated });
  }
  const paths: PathItem[] = [];
  const images: ImageItem[] = [];
  const wanted = drawings === 'all' || (drawings === 'captioned' && (texts.some((t) => CAPTIONED.test(t.str)) || looksLikeDrawingPage(texts)));
  if (wanted) await readDrawing(pdfPage, view, OPS, paths, images);
  return { number, width: viewport.width, height: viewport.height, texts, paths, images };
}

const PAINT_STROKE = new Set<number>();
const PAINT_FILL = new Set<number>();

async function readDrawing(pdfPage: PdfPage, view: Matrix, OPS: Pdfjs['OPS'], paths: PathItem[], images: ImageItem[]): Promise<void> {
  if (PAINT_STROKE.size === 0) {
    for (const op of [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]) PAINT_STROKE.add(op);
    for (const op of [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]) PAINT_FILL.add(op);
  }
  const list = await pdfPage.getOperatorList();
  const stack: Matrix[] = [];
  let ctm: Matrix = view;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? view;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? view;
        break;
      case OPS.constructPath: {
        const paint = args[0] as number;
        const minMax = args[2] as ArrayLike<number> | null;
        const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
        if (!minMax || !(PAINT_STROKE.has(paint) || PAINT_FILL.has(paint))) break;
        if (!Number.isFinite(minMax[0]) || !Number.isFinite(minMax[2])) break;
        const box = transformBox(ctm, minMax[0], minMax[1], minMax[2], minMax[3]);
        paths.push({ kind: pathKind(data, box), box, stroked: PAINT_STROKE.has(paint), filled: PAINT_FILL.has(paint) });
        break;
      }
      case OPS.paintSolidColorImageMask: {
        // TeX tables draw their rules as 1×1 masks scaled to a thin bar.
        const box = transformBox(ctm, 0, 0, 1, 1);
        const thin = Math.min(box[2] - box[0], box[3] - box[1]) < 1.5;
        paths.push({ kind: thin ? 'line' : 'rect', box, stroked: false, filled: true });
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintImageMaskXObject:
      case OPS.paintInlineImageXObject: {
        const box = transformBox(ctm, 0, 0, 1, 1);
        const w = typeof args[1] === 'number' ? args[1] : (args[0] as { width?: number } | undefined)?.width;
        const h = typeof args[2] === 'number' ? args[2] : (args[0] as { height?: number } | undefined)?.height;
        images.push(w && h ? { box, pixels: [w, h] } : { box });
        break;
      }
    }
  }
}

/** Rough kind of a path from its draw ops (pdf.js DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadTo, 4 close). */
function pathKind(data: ArrayLike<number> | undefined, box: Box): PathKind {
  const thin = Math.min(box[2] - box[0], box[3] - box[1]) < 1.5;
  if (!data) return thin ? 'line' : 'shape';
  let lines = 0;
  let curves = 0;
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === 0 || op === 1) {
      if (op === 1) lines++;
      i += 3;
    } else if (op === 2) {
      curves++;
      i += 7;
    } else if (op === 3) {
      curves++;
      i += 5;
    } else i += 1;
  }
  if (curves > 0) return 'curve';
  if (thin || lines <= 1) return 'line';
  if (lines <= 4) return 'rect';
  return 'shape';
}
