/**
 * The reading `extract` and `batch` run in their worker threads (see isolate.ts): pdf.js, the classifier, OpenCV and
 * OCR, each step announced with its allowance so a stuck page or figure is stopped by the main thread.
 */
import { extractDesigns, type Extraction } from '../pipeline/extract.ts';
import type { StageProgress } from '../pipeline/protocol.ts';
import type { Report } from './isolate.ts';

export interface ExtractTask {
  bytes: Uint8Array;
  maxPages?: number;
  /** Render, classify and OCR bitmap figures. */
  bitmaps: boolean;
  /** OCR pages whose text layer is unreadable (only with bitmaps). */
  ocr: boolean;
  /** Pages left unread: they were stopped at a limit in an earlier run (see skipStuckPages.ts). */
  skipPages?: number[];
}

/**
 * A page's allowance. pdf.js's own per-page timer is set past it: that timer gave up on a page while pdf.js
 * still held the thread with it, so the next page was the one stopped and blamed. Now the supervisor stops the
 * stuck page itself, and a fresh run leaves it out (skipStuckPages.ts).
 */
const PAGE_ALLOW_MS = 15_000;
const PAGE_TIME_MS = 2 * PAGE_ALLOW_MS;
/** OCR of a whole page, a figure rendered or classified, a figure read by OCR and OpenCV. */
const OCR_PAGE_ALLOW_MS = 120_000;
const FIGURE_STEP_ALLOW_MS = 30_000;
const FIGURE_READ_ALLOW_MS = 120_000;
/** Reading the page model (regions, tables, vector figures, sentences): pure JS over data already read. */
const READING_ALLOW_MS = 60_000;

function reportProgress(report: Report) {
  return (event: StageProgress) => {
    if (event.stage === 'bitmaps') report(event.message ?? 'a bitmap figure', /by OCR/.test(event.message ?? '') ? FIGURE_READ_ALLOW_MS : FIGURE_STEP_ALLOW_MS);
    else if (event.stage !== 'pages' && event.stage !== 'done') report(event.message ? `${event.stage}: ${event.message}` : event.stage, READING_ALLOW_MS);
  };
}

export async function extractTask(task: ExtractTask, report: Report): Promise<Extraction> {
  // Loaded only when wanted: the classifier and OCR packages cost a reading without bitmaps its start-up time.
  const bitmaps = task.bitmaps ? (await import('./bitmaps.ts')).nodeBitmapFigures(task.bytes) : undefined;
  try {
    let pageCount: number | undefined;
    const pageOcr = bitmaps && task.ocr ? bitmaps.pageOcr : undefined;
    const ocr: typeof pageOcr =
      pageOcr && ((number, size) => (report(`page ${number}: OCR`, OCR_PAGE_ALLOW_MS, { number, count: pageCount }), pageOcr(number, size)));
    return await extractDesigns(task.bytes, {
      ...(task.maxPages !== undefined ? { maxPages: task.maxPages } : {}),
      ...(task.skipPages ? { skipPages: task.skipPages } : {}),
      ...(bitmaps ? { bitmaps } : {}),
      ...(ocr ? { ocr } : {}),
      pageTimeMs: PAGE_TIME_MS,
      onPage: (number, count) => {
        pageCount = Math.min(count, task.maxPages ?? count);
        report(`page ${number}`, PAGE_ALLOW_MS, { number, count: pageCount });
      },
      onProgress: reportProgress(report),
    });
  } finally {
    await bitmaps?.close();
  }
}
