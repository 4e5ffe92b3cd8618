/**
 * The reading `extract` and `batch` run in their worker threads (see isolate.ts): pdf.js, the classifier, OpenCV and
 * OCR, each step announced with its allowance so a stuck page or figure is stopped by the main thread.
 */
import { extractDesigns, type Extraction } from '../pipeline/extract.ts';
import type { StageProgress } from '../pipeline/protocol.ts';
import type { NodeBitmaps } from './bitmaps.ts';
import type { Report, StepPage } from './isolate.ts';

export interface ExtractTask {
  bytes: Uint8Array;
  maxPages?: number;
  /** Render, classify and OCR bitmap figures. */
  bitmaps: boolean;
  /** OCR pages whose text layer is unreadable (only with bitmaps). */
  ocr: boolean;
  /** Pages left unread: they were stopped at a limit in an earlier run (see skipStuckPages.ts). */
  skipPages?: number[];
  /**
   * The reader's own time budget for the document (readDocument's totalTimeMs, 30 s when not given): set by
   * runSkippingStuckPages just under what is left of the supervisor's time limit, so a long paper on a loaded
   * machine is read whole within --timeout instead of being cut at a fixed 30 s of wall time.
   */
  documentTimeMs?: number;
  /** Bitmap figures left unread (as StepPage.figure names them): they were stopped at a limit in an earlier run. */
  skipFigures?: string[];
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

/**
 * Names the bitmap figure each step works on, from the bitmap stage's progress ("page 3, Figure 2: rendering", then
 * classifying and reading the same figure): a figure is named by its page and caption label, with "(2nd)"… when
 * the same label comes again. `skip` figures are not rendered: their render is refused, so the reading records
 * that figure as unread and goes on.
 */
class FigureSteps {
  private readonly seen = new Map<string, number>();
  private current: StepPage | undefined;
  private refuseNext = false;

  constructor(private readonly skip: readonly string[]) {}

  step(message: string): StepPage | undefined {
    const match = /^page (\d+), (.+?): (.+)$/.exec(message);
    if (!match) return this.current;
    const where = `page ${match[1]}, ${match[2]}`;
    if (match[3] === 'rendering') {
      const n = (this.seen.get(where) ?? 0) + 1;
      this.seen.set(where, n);
      this.current = { number: Number(match[1]), figure: n === 1 ? where : `${where} (${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'})` };
      this.refuseNext = this.skip.includes(this.current.figure!);
    }
    return this.current;
  }

  guard(bitmaps: NodeBitmaps): NodeBitmaps {
    return {
      ...bitmaps,
      render: (pageNumber, box, scale) => {
        if (!this.refuseNext) return bitmaps.render(pageNumber, box, scale);
        this.refuseNext = false;
        return Promise.reject(new Error('left out: it passed a limit when read before'));
      },
    };
  }
}

function reportProgress(report: Report, figures: FigureSteps) {
  return (event: StageProgress) => {
    if (event.stage === 'bitmaps') {
      const message = event.message ?? 'a bitmap figure';
      report(message, /by OCR/.test(message) ? FIGURE_READ_ALLOW_MS : FIGURE_STEP_ALLOW_MS, figures.step(message));
    } else if (event.stage !== 'pages' && event.stage !== 'done') report(event.message ? `${event.stage}: ${event.message}` : event.stage, READING_ALLOW_MS);
  };
}

export async function extractTask(task: ExtractTask, report: Report): Promise<Extraction> {
  // Loaded only when wanted: the classifier and OCR packages cost a reading without bitmaps its start-up time.
  const figures = new FigureSteps(task.skipFigures ?? []);
  const loaded = task.bitmaps ? (await import('./bitmaps.ts')).nodeBitmapFigures(task.bytes) : undefined;
  const bitmaps = loaded && figures.guard(loaded);
  try {
    let pageCount: number | undefined;
    const pageOcr = bitmaps && task.ocr ? bitmaps.pageOcr : undefined;
    const ocr: typeof pageOcr =
      pageOcr && ((number, size) => (report(`page ${number}: OCR`, OCR_PAGE_ALLOW_MS, { number, count: pageCount }), pageOcr(number, size)));
    return await extractDesigns(task.bytes, {
      ...(task.maxPages !== undefined ? { maxPages: task.maxPages } : {}),
      ...(task.skipPages ? { skipPages: task.skipPages } : {}),
      ...(task.documentTimeMs !== undefined ? { totalTimeMs: task.documentTimeMs } : {}),
      ...(bitmaps ? { bitmaps } : {}),
      ...(ocr ? { ocr } : {}),
      pageTimeMs: PAGE_TIME_MS,
      onPage: (number, count) => {
        pageCount = Math.min(count, task.maxPages ?? count);
        report(`page ${number}`, PAGE_ALLOW_MS, { number, count: pageCount });
      },
      onProgress: reportProgress(report, figures),
    });
  } finally {
    await loaded?.close();
  }
}
