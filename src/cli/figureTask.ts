/**
 * The reading `figure` runs in its worker thread (see isolate.ts, figureWorker.ts): pdf.js for a figure inside
 * a PDF, OpenCV and OCR for an image, each step announced with its allowance.
 */
import { readFigure, type Box, type FigureReading } from '../diagrams/index.ts';
import { findRegions, readDocument } from '../paper/index.ts';
import type { Report } from './isolate.ts';
import { nodeOcrOptions, nodeOpenCv } from './nodeReaders.ts';

export interface FigureTask {
  bytes: Uint8Array;
  /** The file's name, for the design's name and messages. */
  file: string;
  /** For a PDF: the page, and the box on it (else its captioned figures are tried). */
  pdf?: { page: number; bbox?: Box };
}

/** Reading pages up to the figure's; one figure read by OpenCV and OCR. */
const PAGE_ALLOW_MS = 15_000;
const FIGURE_READ_ALLOW_MS = 120_000;

async function readPdfFigure(bytes: Uint8Array, pageNumber: number, bbox: Box | undefined, file: string, report: Report): Promise<FigureReading> {
  const doc = await readDocument(bytes, {
    maxPages: pageNumber,
    drawings: 'all',
    pageTimeMs: 2 * PAGE_ALLOW_MS,
    onPage: (number) => report(`page ${number}`, PAGE_ALLOW_MS),
  });
  const page = doc.pages.find((p) => p.number === pageNumber);
  if (!page) throw new Error(`${file}: page ${pageNumber} not found (the PDF has ${doc.pageCount} pages)`);
  const name = `${file.replace(/^.*\//, '').replace(/\.pdf$/i, '')}_p${pageNumber}`;
  if (bbox) {
    report(`the figure on page ${pageNumber}`, FIGURE_READ_ALLOW_MS);
    return readFigure({ kind: 'page', page, bbox, name });
  }
  const regions = findRegions(page).filter((r) => r.kind === 'figure');
  report(`the figures on page ${pageNumber}`, FIGURE_READ_ALLOW_MS * Math.max(1, regions.length));
  if (regions.length === 0) return readFigure({ kind: 'page', page, name });
  let best: FigureReading | undefined;
  for (const region of regions) {
    const reading = await readFigure({ kind: 'page', page, bbox: region.box, caption: region.caption.text, name });
    const score = (r: FigureReading) => (r.graph.confidence ?? 0) * r.graph.layers.length;
    if (!best || score(reading) > score(best)) best = reading;
  }
  return best!;
}

export async function figureTask(task: FigureTask, report: Report): Promise<FigureReading> {
  if (task.pdf) return readPdfFigure(task.bytes, task.pdf.page, task.pdf.bbox, task.file, report);
  report(`the figure in ${task.file}`, FIGURE_READ_ALLOW_MS);
  const name = task.file.replace(/^.*\//, '').replace(/\.\w+$/, '');
  return readFigure({ kind: 'image', bytes: task.bytes, name }, { ocr: nodeOcrOptions(), opencv: nodeOpenCv });
}
