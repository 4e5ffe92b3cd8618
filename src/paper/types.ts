/** The page model: what pdf.js tells us about one page, in PDF points with the origin at the top-left. */
import type { Box } from '../geometry/index.ts';

export type { Box };

/** One run of text as pdf.js reports it (usually a word group sharing font and baseline). */
export interface TextItem {
  str: string;
  /** [x0, y0, x1, y1], top-left origin. */
  box: Box;
  /** Font size in points (glyph height). */
  size: number;
  font: string;
  /** True when the run is rotated (vertical text); such runs are kept out of table grids. */
  rotated: boolean;
  /** Part of a running header or footer (the same line on other pages); never part of a region. */
  furniture?: boolean;
}

export type PathKind = 'rect' | 'line' | 'curve' | 'shape';

/** One painted vector path (stroke or fill), transformed to page space. */
export interface PathItem {
  kind: PathKind;
  box: Box;
  stroked: boolean;
  filled: boolean;
  /** The fill colour [r, g, b] of a filled path, when the page sets one as RGB, grey or CMYK. */
  fill?: [number, number, number];
  /** Area a filled path of straight segments encloses, in square points (a diagonal bar fills little of its box). */
  area?: number;
}

/** One placed raster image. */
export interface ImageItem {
  box: Box;
  /** Pixel size of the image data when known. */
  pixels?: [number, number];
}

/** One word read by OCR, its box in PDF points (top-left origin). */
export interface PageWord {
  text: string;
  box: Box;
  /** 0-100, as tesseract gives it. */
  confidence: number;
}

/**
 * Reads page `pageNumber` (1-based) of the document being read, `size` [width, height] in points, by OCR:
 * its words, in any order (the page model puts them in reading order). Injected (ReadOptions.ocr) because it
 * renders pixels, which needs a canvas.
 */
export type PageOcr = (pageNumber: number, size: [number, number]) => Promise<PageWord[]>;

export interface Page {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  texts: TextItem[];
  paths: PathItem[];
  images: ImageItem[];
  /** The font size of the document's running text, when the page was read as part of a document. */
  bodySize?: number;
}

export interface PaperDocument {
  pages: Page[];
  /** Pages in the file (may exceed pages.length when capped). */
  pageCount: number;
  warnings: string[];
}
