/**
 * The text of a figure alone: every piece of ink that cannot be a word is painted white before the figure is
 * read as sparse text. Words are short runs of glyphs about one text line tall; connectors, box outlines,
 * the mesh of a neuron plot and the edges of cuboids are taller than a few lines or long and thin. Left in,
 * tesseract reads them as strings of "Z", "7" and "N" and splits the real labels between them.
 */
import type { GreyImage } from './image.ts';
import type { CV } from './opencv.ts';

export interface TextLayer {
  /** The image with the drawing painted out (text kept in its own grey levels). */
  image: GreyImage;
  /** The usual height of a word's ink in pixels (0 when the figure has no word-like piece). */
  glyphHeight: number;
}

/** A word is at most this many text lines tall (two lines of one label touch only when the font is tiny). */
const MAX_LINES = 2.5;
/** A piece longer than this many times its height is a rule or an arrow, not a word. */
const MAX_ELONGATION = 14;

/**
 * Ink is taken by a local threshold, so the text on a coloured fill is ink and the fill is not; glyphs are
 * joined into words by a one-pixel dilation, which also joins a drawing's hairlines into one piece.
 * The text keeps its own grey levels, the drawing and the fills become paper.
 */
export function textLayer(cv: CV, image: GreyImage): TextLayer {
  const { width: w, height: h } = image;
  const src = cv.matFromArray(h, w, cv.CV_8UC1, image.data);
  const ink = new cv.Mat();
  cv.adaptiveThreshold(src, ink, 255, cv.ADAPTIVE_THRESH_MEAN_C, cv.THRESH_BINARY_INV, 31, 20);
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(3, 3));
  cv.dilate(ink, ink, kernel);
  const labels = new cv.Mat();
  const stats = new cv.Mat();
  const centroids = new cv.Mat();
  const count = cv.connectedComponentsWithStats(ink, labels, stats, centroids, 8, cv.CV_32S);
  // Copies: the Mats' memory goes back to OpenCV's heap below.
  const st = new Int32Array(stats.data32S);
  const lab = new Int32Array(labels.data32S);
  for (const mat of [src, ink, kernel, labels, stats, centroids]) mat.delete();
  const heights: number[] = [];
  for (let l = 1; l < count; l++) if (st[l * 5 + 3]! >= 5 && st[l * 5 + 2]! >= 3) heights.push(st[l * 5 + 3]!);
  heights.sort((a, b) => a - b);
  const glyphHeight = heights[heights.length >> 1] ?? 0;
  if (glyphHeight === 0) return { image, glyphHeight };
  const word = new Uint8Array(count);
  for (let l = 1; l < count; l++) {
    const [bw, bh] = [st[l * 5 + 2]!, st[l * 5 + 3]!];
    word[l] = bh <= MAX_LINES * glyphHeight && bw <= MAX_ELONGATION * Math.max(bh, glyphHeight) ? 1 : 0;
  }
  const data = new Uint8Array(w * h).fill(255);
  // The grey levels round the glyphs too (the dilated piece), so anti-aliased edges stay smooth.
  for (let i = 0; i < w * h; i++) if (word[lab[i]!]) data[i] = image.data[i]!;
  return { image: { width: w, height: h, data }, glyphHeight };
}
