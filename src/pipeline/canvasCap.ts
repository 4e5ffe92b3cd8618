/**
 * How large a canvas may be, as the pdf.js viewer caps it (maxCanvasPixels 2^25, maxCanvasDim 32767): a page
 * or crop of absurd size (a 200-inch poster page, a hostile MediaBox) is painted at a lower scale, which CSS
 * stretches back, instead of asking the browser for a canvas it refuses or that exhausts its memory.
 */
export const MAX_CANVAS_PIXELS = 2 ** 25;
export const MAX_CANVAS_SIDE = 32_767;

/** The largest scale up to `wanted` at which a `width`×`height` (points) area fits in a canvas. */
export function canvasScale(width: number, height: number, wanted: number): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / (w * h)), MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h);
}
