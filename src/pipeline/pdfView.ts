/**
 * Showing a PDF: pdf.js parses in its own Web Worker, pages are painted to canvases on demand.
 * (Reading designs out of the PDF happens in the pipeline worker; this is only for display.)
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { runtimeAssets } from './assets.ts';
import { canvasScale } from './canvasCap.ts';
import { titleFromFirstPage, type PlacedText } from './titleText.ts';

/**
 * One pdf.js worker shows every document, started ahead of the first (the app calls this once it has loaded):
 * a worker started by the document itself is fetched and compiled while the paper is being read, on the same cores.
 */
export function startPdfWorker(): void {
  pdfjs.GlobalWorkerOptions.workerPort ??= new Worker(workerUrl, { type: 'module', name: 'pdf.js display' });
}

export type Bbox = [number, number, number, number];

export interface PdfDocumentView {
  pageCount: number;
  /** Page size in PDF points. */
  pageSize(page: number): Promise<{ width: number; height: number }>;
  /** Paints page `page` (1-based) into `canvas` at `scale` device pixels per point, or less where the canvas would pass canvasCap's limits. */
  renderPage(page: number, canvas: HTMLCanvasElement, scale: number): Promise<void>;
  /** A PNG data URL of one region of a page, at most `maxWidth` pixels wide. */
  renderCrop(page: number, bbox: Bbox, maxWidth: number): Promise<string>;
  /** The paper's title: the document metadata when it looks real, else the largest text at the top of page 1. */
  title(): Promise<string | undefined>;
  destroy(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocumentView> {
  startPdfWorker();
  const doc = await pdfjs.getDocument({
    // pdf.js transfers the buffer to its worker; keep the caller's copy intact.
    data: bytes.slice(),
    isEvalSupported: false,
    ...runtimeAssets().pdfjs,
    cMapPacked: true,
  }).promise;

  const paint = async (page: number, canvas: HTMLCanvasElement, wanted: number): Promise<void> => {
    const pdfPage = await doc.getPage(page);
    const size = pdfPage.getViewport({ scale: 1 });
    const viewport = pdfPage.getViewport({ scale: canvasScale(size.width, size.height, wanted) });
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await pdfPage.render({ canvas, viewport }).promise;
  };

  return {
    pageCount: doc.numPages,
    async pageSize(page) {
      const { width, height } = (await doc.getPage(page)).getViewport({ scale: 1 });
      return { width, height };
    },
    renderPage: paint,
    async renderCrop(page, [x0, y0, x1, y1], maxWidth) {
      // Only the crop is painted: the viewport is shifted so the bbox lands at the canvas origin.
      const scale = canvasScale(x1 - x0, y1 - y0, Math.min(3, maxWidth / Math.max(1, x1 - x0)));
      const pdfPage = await doc.getPage(page);
      const crop = document.createElement('canvas');
      crop.width = Math.max(1, Math.round((x1 - x0) * scale));
      crop.height = Math.max(1, Math.round((y1 - y0) * scale));
      await pdfPage.render({ canvas: crop, viewport: pdfPage.getViewport({ scale, offsetX: -x0 * scale, offsetY: -y0 * scale }) }).promise;
      return crop.toDataURL('image/png');
    },
    async title() {
      const { info } = (await doc.getMetadata()) as { info?: { Title?: string } };
      const meta = info?.Title?.trim();
      if (meta && meta.length > 8 && !/^(untitled|microsoft word|.*\.(pdf|docx?|tex|dvi))/i.test(meta)) return meta;
      const page = await doc.getPage(1);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PlacedText[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        if (Math.abs(b!) > Math.abs(a!)) continue; // rotated, like arXiv's margin stamp
        const size = Math.hypot(c!, d!);
        items.push({ str: item.str, x: e!, y: viewport.height - f!, width: item.width, size });
      }
      return titleFromFirstPage(items, viewport.height);
    },
    destroy: () => doc.destroy(),
  };
}
