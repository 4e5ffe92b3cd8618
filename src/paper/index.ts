/** Page model and regions: PDF bytes → pages (text, paths, images) → captioned figure and table regions. */
export type { Box, TextItem, PathItem, PathKind, ImageItem, Page, PaperDocument, PageOcr, PageWord } from './types.ts';
export { finishPages, readDocument, PdfReadError, type ReadOptions } from './document.ts';
export { loadDefaultPdfjs, type Pdfjs } from './pdfjs.ts';
export { IMAGE_PIXEL_LIMIT, formatPixels } from './imageBudget.ts';
export { judgeText, type TextTrust } from './textTrust.ts';
export { groupLines, bodyFontSize, boxOf, union, type Line, type Chunk } from './lines.ts';
export { findCaptions, type Caption, type CaptionKind } from './captions.ts';
export { findRegions, type Region } from './regions.ts';
