/**
 * The one door to pdf.js. Node and tests use the legacy build without a worker (pdf.js falls back to
 * running its parser in-process); the browser passes its own module, already wired to a Web Worker.
 */
import type * as PdfjsModule from 'pdfjs-dist';

export type Pdfjs = typeof PdfjsModule;

let defaultLib: Promise<Pdfjs> | undefined;

/** The legacy build, loaded once. Works in Node ≥ 20 and in browsers without modern-only features. */
export function loadDefaultPdfjs(): Promise<Pdfjs> {
  defaultLib ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<Pdfjs>;
  return defaultLib;
}
