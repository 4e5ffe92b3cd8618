/**
 * PDF bytes → page model. Bounded: at most `maxPages` pages are read, each within `pageTimeMs`, the whole
 * document within `totalTimeMs`; whatever is cut short is reported in `warnings`, never silently dropped.
 * A page whose text layer cannot be trusted (textTrust) is read by OCR when `ocr` is given, else left without text.
 */
import type { Box, Page, PageOcr, PaperDocument, PathKind } from './types.ts';
import { loadDefaultPdfjs, type Pdfjs } from './pdfjs.ts';
import { looksLikeDrawingPage } from './drawingPage.ts';
import { markFurniture } from './furniture.ts';
import { bodyFontSize, groupLines } from './lines.ts';
import { multiply, readTextItems, transformBox, type Matrix } from './textItems.ts';
import { judgeText, mayBeScan, type TextTrust } from './textTrust.ts';
import { ocrTextItems } from './ocrText.ts';
import { formatPixels, IMAGE_PIXEL_LIMIT, PDFJS_WARNINGS, watchDroppedImages, type DroppedImageWatch } from './imageBudget.ts';

export interface ReadOptions {
  /** Pages scanned from the start (default 60). */
  maxPages?: number;
  /** Budget per page for its text and drawing operators (default 4000 ms). */
  pageTimeMs?: number;
  /** Budget for the whole document (default 30000 ms); time spent in OCR is not counted. */
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
  /**
   * OCR for pages whose text layer is unreadable (no ToUnicode) or missing (a scan): seconds per page. Without
   * it such pages are left without text, with a warning.
   */
  ocr?: PageOcr;
  /** Pages read by OCR at most (default 20); the rest are left without text, with a warning. */
  maxOcrPages?: number;
  /** Images with more pixels are left out undecoded, with a warning naming the page (default IMAGE_PIXEL_LIMIT). */
  maxImagePixels?: number;
  /** Pages left unread: a supervisor outside this thread stopped them at a limit before (and says so itself). */
  skipPages?: number[];
  /** Called as each page is started: lets a supervisor outside this thread tell a stuck page from a slow document. */
  onPage?: (pageNumber: number, pageCount: number) => void;
  /**
   * Called as each page is read, with the pages read so far (not yet finished: see finishPages). They are the
   * document's own: a reader that wants them finished works on a copy.
   */
  onPageRead?: (pages: readonly Page[]) => void;
}

/** A PDF that cannot be read at all: not a PDF, encrypted, empty. */
export class PdfReadError extends Error {
  override name = 'PdfReadError';
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
  if (bytes.length === 0) throw new PdfReadError('not a PDF: the file is empty');
  if (!looksLikePdf(bytes)) throw new PdfReadError('not a PDF: no "%PDF-" header in the first 1 KB');
  const lib = options.pdfjs ?? (await loadDefaultPdfjs());
  // Counted from here: loading pdf.js on a busy machine took a third of the budget before a page was read.
  const deadline = Date.now() + (options.totalTimeMs ?? 30000);
  const { OPS } = lib;
  const maxImagePixels = options.maxImagePixels ?? IMAGE_PIXEL_LIMIT;
  const dropped = watchDroppedImages();
  // pdf.js takes ownership of (detaches) the buffer it is given; hand it a copy.
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    maxImageSize: maxImagePixels,
    verbosity: PDFJS_WARNINGS,
  });
  try {
    return await readPages(task, { deadline, maxImagePixels, dropped, OPS }, options);
  } finally {
    dropped.stop();
  }
}

type LoadingTask = ReturnType<Pdfjs['getDocument']>;

interface ReadState {
  deadline: number;
  maxImagePixels: number;
  dropped: DroppedImageWatch;
  OPS: Pdfjs['OPS'];
}

async function readPages(task: LoadingTask, state: ReadState, options: ReadOptions): Promise<PaperDocument> {
  const { maxImagePixels, dropped, OPS } = state;
  const maxPages = options.maxPages ?? 60;
  const pageTimeMs = options.pageTimeMs ?? 4000;
  let { deadline } = state;
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
  // pdf.js trusts a negative /Count and then serves no page at all: a silent empty result unless refused here.
  if (!Number.isInteger(pageCount) || pageCount < 0) {
    await task.destroy();
    throw new PdfReadError(`impossible page count: the page tree's /Count is ${pageCount}`);
  }
  if (pageCount > maxPages) warnings.push(`only the first ${maxPages} of ${pageCount} pages were read`);
  const pages: Page[] = [];
  const drawings = options.textOnly ? 'none' : (options.drawings ?? 'captioned');
  const ocr = options.ocr && { read: options.ocr, left: options.maxOcrPages ?? 20 };
  try {
    for (let number = 1; number <= Math.min(pageCount, maxPages); number++) {
      // The first page is always read, so a spent budget still yields a partial result.
      if (number > 1 && Date.now() > deadline) {
        warnings.push(`time budget used up: stopped before page ${number} of ${pageCount}`);
        break;
      }
      if (options.skipPages?.includes(number)) continue;
      options.onPage?.(number, pageCount);
      try {
        const pdfPage = await withTimeout(pdf.getPage(number), pageTimeMs, `page ${number}`);
        // A page with (almost) no text gets its images read when OCR could read it: is it a scan?
        const { page, drawn } = await withTimeout(readPage(pdfPage, number, OPS, drawings, Boolean(ocr)), pageTimeMs, `page ${number}`);
        const trust = judgeText(page.texts, page.images, [page.width, page.height]);
        if (trust.verdict !== 'ok') {
          const started = Date.now();
          await replaceText(page, trust, ocr, warnings);
          deadline += Date.now() - started;
          // Text read by OCR may name a figure or table: its page's drawings are wanted after all.
          if (!drawn && wantsDrawing(page, drawings)) await withTimeout(readDrawing(pdfPage, page, OPS), pageTimeMs, `page ${number}`);
        } else if (page.texts.length === 0) warnings.push(`page ${number} has no text layer (a scan?); its tables and text cannot be read without OCR`);
        pages.push(page);
        options.onPageRead?.(pages);
        pdfPage.cleanup();
      } catch (error) {
        warnings.push(`page ${number} skipped: ${error instanceof Error ? error.message : String(error)}`);
      }
      const skipped = dropped.take();
      if (skipped) warnings.push(`page ${number}: ${skipped} image(s) over the ${formatPixels(maxImagePixels)} pixel limit left out, not decoded`);
    }
  } finally {
    await task.destroy();
  }
  if (pages.length === 0 && pageCount > 0 && warnings.length > 0) {
    throw new PdfReadError(`no page could be read (${warnings.join('; ')})`);
  }
  finishPages(pages);
  return { pages, pageCount, warnings };
}

/** What is judged across pages once they are read: running headers and footers, and the body font size. */
export function finishPages(pages: Page[]): void {
  markFurniture(pages);
  // One page may be mostly table cells or code; the document's paragraphs tell its body size.
  const bodySize = bodyFontSize(pages.flatMap((p) => groupLines(p.texts.filter((t) => !t.furniture))));
  for (const page of pages) page.bodySize = bodySize;
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

const CAPTIONED = /\b(fig(ure)?s?\.?|tab(le|\.))\s*([0-9]+|[IVXL]+)\b/i;

function wantsDrawing(page: Page, drawings: 'captioned' | 'all' | 'none'): boolean {
  return drawings === 'all' || (drawings === 'captioned' && (page.texts.some((t) => CAPTIONED.test(t.str)) || looksLikeDrawingPage(page.texts)));
}

/** The page's text, and its drawing when wanted (`drawn` says so); `scanCheck`: also when it may be a scan. */
async function readPage(
  pdfPage: PdfPage,
  number: number,
  OPS: Pdfjs['OPS'],
  drawings: 'captioned' | 'all' | 'none',
  scanCheck: boolean,
): Promise<{ page: Page; drawn: boolean }> {
  const viewport = pdfPage.getViewport({ scale: 1 });
  const content = await pdfPage.getTextContent();
  const texts = readTextItems(content.items, viewport.transform as Matrix);
  const page: Page = { number, width: viewport.width, height: viewport.height, texts, paths: [], images: [] };
  const drawn = wantsDrawing(page, drawings) || (scanCheck && drawings !== 'none' && mayBeScan(texts));
  if (drawn) await readDrawing(pdfPage, page, OPS);
  return { page, drawn };
}

/** The page's text replaced by OCR's reading, or dropped when there is no OCR (garbage reads worse than nothing). */
async function replaceText(page: Page, trust: TextTrust, ocr: { read: PageOcr; left: number } | undefined, warnings: string[]): Promise<void> {
  const what =
    trust.verdict === 'missing' ? `page ${page.number}: no text layer (${trust.reason})` : `page ${page.number}: text layer unreadable (${trust.reason})`;
  page.texts = [];
  if (!ocr) return void warnings.push(`${what}; its text cannot be read without OCR`);
  if (ocr.left <= 0) return void warnings.push(`${what}; not read, OCR page limit reached`);
  ocr.left--;
  try {
    page.texts = ocrTextItems(await ocr.read(page.number, [page.width, page.height]));
    warnings.push(`${what}, read by OCR`);
  } catch (error) {
    warnings.push(`${what}; OCR failed (${error instanceof Error ? error.message : String(error)})`);
  }
}

const PAINT_STROKE = new Set<number>();
const PAINT_FILL = new Set<number>();

async function readDrawing(pdfPage: PdfPage, page: Page, OPS: Pdfjs['OPS']): Promise<void> {
  const { paths, images } = page;
  const view = pdfPage.getViewport({ scale: 1 }).transform as Matrix;
  if (PAINT_STROKE.size === 0) {
    for (const op of [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]) PAINT_STROKE.add(op);
    for (const op of [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]) PAINT_FILL.add(op);
  }
  const list = await pdfPage.getOperatorList();
  const stack: Array<{ ctm: Matrix; fill: [number, number, number] | undefined }> = [];
  let ctm: Matrix = view;
  let fill: [number, number, number] | undefined;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, fill });
        break;
      case OPS.restore:
        ({ ctm, fill } = stack.pop() ?? { ctm: view, fill: undefined });
        break;
      case OPS.setFillRGBColor:
        fill = hexColour(args[0]);
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, fill });
        if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ({ ctm, fill } = stack.pop() ?? { ctm: view, fill: undefined });
        break;
      case OPS.constructPath: {
        const paint = args[0] as number;
        const minMax = args[2] as ArrayLike<number> | null;
        const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
        if (!minMax || !(PAINT_STROKE.has(paint) || PAINT_FILL.has(paint))) break;
        if (!Number.isFinite(minMax[0]) || !Number.isFinite(minMax[2])) break;
        const box = transformBox(ctm, minMax[0], minMax[1], minMax[2], minMax[3]);
        const filled = PAINT_FILL.has(paint);
        const area = filled && data ? polygonArea(data) : undefined;
        const scale = Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]);
        paths.push({
          kind: pathKind(data, box),
          box,
          stroked: PAINT_STROKE.has(paint),
          filled,
          ...(filled && fill ? { fill } : {}),
          ...(area !== undefined ? { area: area * scale } : {}),
        });
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

/** pdf.js hands fill colours over as "#rrggbb", whatever the page's colour space. */
function hexColour(arg: unknown): [number, number, number] | undefined {
  if (typeof arg !== 'string' || !/^#[0-9a-f]{6}$/i.test(arg)) return undefined;
  return [1, 3, 5].map((i) => parseInt(arg.slice(i, i + 2), 16)) as [number, number, number];
}

/** The area a path of straight segments encloses (shoelace, per subpath); undefined when it has curves. */
function polygonArea(data: ArrayLike<number>): number | undefined {
  let total = 0;
  let sub = 0;
  let [startX, startY, x, y] = [0, 0, 0, 0];
  for (let i = 0; i < data.length;) {
    const op = data[i];
    if (op === 0 || op === 1) {
      const [nx, ny] = [data[i + 1]!, data[i + 2]!];
      if (op === 0) {
        total += Math.abs(sub + (x * startY - startX * y)) / 2;
        [sub, startX, startY] = [0, nx, ny];
      } else sub += x * ny - nx * y;
      [x, y] = [nx, ny];
      i += 3;
    } else if (op === 4) i += 1;
    else return undefined;
  }
  return total + Math.abs(sub + (x * startY - startX * y)) / 2;
}

/** Rough kind of a path from its draw ops (pdf.js DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadTo, 4 close). */
function pathKind(data: ArrayLike<number> | undefined, box: Box): PathKind {
  const thin = Math.min(box[2] - box[0], box[3] - box[1]) < 1.5;
  if (!data) return thin ? 'line' : 'shape';
  let lines = 0;
  let curves = 0;
  for (let i = 0; i < data.length;) {
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
