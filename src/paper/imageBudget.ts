/**
 * The pixel budget for images inside a PDF. pdf.js decodes every image of a page while it lists the page's
 * operators, even when nobody paints them, so one 30,000 px image costs gigabytes before any of our code sees
 * it. Given `maxImageSize`, pdf.js leaves larger images out undecoded — and says so only through its console
 * warnings. `watchDroppedImages` listens for those while pdf.js parses in this thread (Node, tests); a pdf.js
 * running in its own Web Worker drops the image just the same, without the count.
 */

/** 2^25 pixels: the canvas cap the pdf.js viewer uses (maxCanvasPixels); a full page at 600 dpi is ~34 Mpx. */
export const IMAGE_PIXEL_LIMIT = 2 ** 25;

/** pdf.js verbosity that makes it report dropped images (VerbosityLevel.WARNINGS). */
export const PDFJS_WARNINGS = 1;

const DROPPED = 'Image exceeded maximum allowed size and was removed';

export interface DroppedImageWatch {
  /** Images dropped since the last call. */
  take(): number;
  stop(): void;
}

const watches = new Set<{ count: number }>();
let original: typeof console.warn | undefined;

/** pdf.js's own warnings ("Warning: …") are swallowed while watching, as verbosity 0 would; others pass through. */
function onWarn(...args: unknown[]): void {
  const text = typeof args[0] === 'string' ? args[0] : '';
  if (text.includes(DROPPED)) for (const watch of watches) watch.count++;
  else if (!text.startsWith('Warning: ')) original!(...args);
}

/** Counts the images pdf.js drops for `maxImageSize` from now until stop(); documents read at once share counts. */
export function watchDroppedImages(): DroppedImageWatch {
  const watch = { count: 0 };
  if (watches.size === 0) {
    original = console.warn;
    console.warn = onWarn;
  }
  watches.add(watch);
  return {
    take() {
      const n = watch.count;
      watch.count = 0;
      return n;
    },
    stop() {
      if (!watches.delete(watch) || watches.size > 0) return;
      console.warn = original!;
      original = undefined;
    },
  };
}

export const formatPixels = (pixels: number) => `${(pixels / 1e6).toFixed(1)} Mpx`;
