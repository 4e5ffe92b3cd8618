/**
 * pdf.js text content → text runs with boxes. pdf.js reports word boundaries in three ways besides spaces
 * inside a run: a separate " " item (after a font change or a jump), spaces at a run's end (counted in its
 * width), and empty items marking line ends. Here a run keeps its glyphs' box, and ends with one space when
 * a word boundary follows it on its line, so `lines` and `prose` need not guess from gaps (some PDFs set
 * spaces a few hundredths of an em wide). A boundary before a new line is left to the line break.
 */
import type { Box, TextItem } from './types.ts';

export type Matrix = [number, number, number, number, number, number];

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

export function transformBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [
    [x0, y0],
    [x1, y0],
    [x0, y1],
    [x1, y1],
  ] as const) {
    xs.push(m[0] * x + m[2] * y + m[4]);
    ys.push(m[1] * x + m[3] * y + m[5]);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The subset of pdf.js's TextItem read here. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
  dir: string;
  hasEOL: boolean;
}

/** Ligatures as their letters: pdf.js decomposes most, but only with its normalisation on, and not ﬅ/ﬆ. */
const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' };
const LIGATURE = /[\uFB00-\uFB06]/g;

/** A space's advance, for cutting spaces counted in a run's width out of its box: about a quarter em. */
const SPACE_EM = 0.25;

export function readTextItems(items: Iterable<PdfTextItem | object>, view: Matrix): TextItem[] {
  const texts: TextItem[] = [];
  // A boundary after the last kept run (a " " item, or spaces ending the run) waits for the next run: it counts
  // only on the same line.
  let boundary = false;
  for (const item of items) {
    if (!('str' in item)) continue;
    const raw = item.str.replace(LIGATURE, (c) => LIGATURES[c] ?? c);
    const str = raw.trim();
    if (!str) {
      if (raw) boundary = true;
      continue;
    }
    const t = item.transform as Matrix;
    // A Type 3 font with a flipped FontMatrix (bitmap fonts) gets a mirrored transform from pdf.js, which
    // folds the font's bbox height into it; glyphs are drawn upright, so the box must stand on the baseline.
    const upright: Matrix = t[0] * t[3] - t[1] * t[2] < 0 ? [t[0], t[1], -t[2], -t[3], t[4], t[5]] : t;
    const m = multiply(view, upright);
    const size = Math.hypot(t[2], t[3]) || item.height || 1;
    const scaleX = Math.hypot(t[0], t[1]) || 1;
    const runEm = item.width / scaleX;
    const chars = [...raw].length;
    // Spaces at either end are in the width but have no ink.
    const spaceEm = (n: number) => n * Math.min(SPACE_EM * (size / scaleX), runEm / chars);
    const lead = spaceEm(raw.length - raw.trimStart().length);
    const trail = spaceEm(raw.length - raw.trimEnd().length);
    // Glyph space box: baseline at y=0, ascent ~0.8 em, descent ~0.2 em, width in text space units.
    const box = transformBox(m, lead, -0.22, Math.max(lead, runEm - trail), 0.78);
    const rotated = Math.abs(m[1]) > Math.abs(m[0]) * 0.2 || item.dir === 'ttb';
    const prev = texts[texts.length - 1];
    if (prev && (boundary || raw !== raw.trimStart()) && sameLine(prev, box, size) && !prev.str.endsWith(' ')) prev.str += ' ';
    texts.push({ str, box, size, font: item.fontName, rotated });
    boundary = raw !== raw.trimEnd();
  }
  return texts;
}

/** The next run sits on the previous run's line, after it. */
function sameLine(prev: TextItem, box: Box, size: number): boolean {
  const overlap = Math.min(prev.box[3], box[3]) - Math.max(prev.box[1], box[1]);
  return overlap > 0.5 * Math.min(prev.box[3] - prev.box[1], box[3] - box[1]) && box[0] >= prev.box[2] - 0.5 * size;
}
