/**
 * Showing a PDF: pdf.js parses in its own Web Worker, pages are painted to canvases on demand.
 * (Reading designs out of the PDF happens in the pipeline worker; this is only for display.)
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { runtimeAssets } from './assets.ts';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type Bbox = [number, number, number, number];

export interface PdfDocumentView {
  pageCount: number;
  /** Page size in PDF points. */
  pageSize(page: number): Promise<{ width: number; height: number }>;
  /** Paints page `page` (1-based) into `canvas` at `scale` device pixels per point. */
  renderPage(page: number, canvas: HTMLCanvasElement, scale: number): Promise<void>;
  /** A PNG data URL of one region of a page, at most `maxWidth` pixels wide. */
  renderCrop(page: number, bbox: Bbox, maxWidth: number): Promise<string>;
  destroy(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocumentView> {
  const doc = await pdfjs.getDocument({
    // pdf.js transfers the buffer to its worker; keep the caller's copy intact.
    data: bytes.slice(),
    isEvalSupported: false,
    ...runtimeAssets().pdfjs,
    cMapPacked: true,
  }).promise;

  const paint = async (page: number, canvas: HTMLCanvasElement, scale: number): Promise<void> => {
    const pdfPage = await doc.getPage(page);
    const viewport = pdfPage.getViewport({ scale });
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
      const scale = Math.min(3, maxWidth / Math.max(1, x1 - x0));
      const full = document.createElement('canvas');
      await paint(page, full, scale);
      const crop = document.createElement('canvas');
      crop.width = Math.max(1, Math.round((x1 - x0) * scale));
      crop.height = Math.max(1, Math.round((y1 - y0) * scale));
      crop.getContext('2d')!.drawImage(full, -x0 * scale, -y0 * scale);
      return crop.toDataURL('image/png');
    },
    destroy: () => doc.destroy(),
  };
}
