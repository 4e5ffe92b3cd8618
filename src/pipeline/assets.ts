/**
 * Where the build puts the files the wasm stages load at run time (see RUNTIME_ASSETS in vite.config.ts),
 * as absolute URLs usable from the page and from workers; and how many threads those stages may use.
 */
function base(): string {
  return new URL(import.meta.env.BASE_URL, self.location.origin).href;
}

export interface RuntimeAssets {
  /** pdf.js cmaps/, standard_fonts/ and wasm/ folders. */
  pdfjs: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string };
  /** tesseract.js worker script, core folder and the folder holding eng.traineddata.gz. */
  ocr: { workerPath: string; corePath: string; langPath: string };
  /** The models/ folder (figure classifier). */
  models: string;
}

export function runtimeAssets(): RuntimeAssets {
  const root = base();
  return {
    pdfjs: { cMapUrl: `${root}pdfjs/cmaps/`, standardFontDataUrl: `${root}pdfjs/standard_fonts/`, wasmUrl: `${root}pdfjs/wasm/` },
    ocr: { workerPath: `${root}ocr/worker.min.js`, corePath: `${root}ocr/core/`, langPath: `${root}ocr/lang` },
    models: `${root}models/`,
  };
}

/** Several threads only when cross-origin isolated (SharedArrayBuffer available); else one. */
export function wasmThreads(): number {
  return self.crossOriginIsolated ? Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1)) : 1;
}
