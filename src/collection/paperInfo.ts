/**
 * A paper's title and authors for the collection index: the PDF's metadata when it looks real, else (for the
 * title) the largest text at the top of page 1. Runs in Node and in workers (pdf.js passed in).
 */
import type { Pdfjs } from '../paper/index.ts';
import { titleFromFirstPage, type PlacedText } from '../pipeline/titleText.ts';

export interface PaperInfo {
  title?: string;
  authors?: string;
}

/** Tool names and file names that PDF producers leave in the Title and Author fields. */
const PLACEHOLDER = /^(untitled|anonymous|author|microsoft word|.*\.(pdf|docx?|tex|dvi)$)/i;
const meaningful = (text: string | undefined, min: number): string | undefined => {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean && clean.length >= min && !PLACEHOLDER.test(clean) ? clean.slice(0, 300) : undefined;
};

export async function paperInfo(bytes: Uint8Array, pdfjs: Pdfjs): Promise<PaperInfo> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const { info } = (await doc.getMetadata()) as { info?: { Title?: string; Author?: string } };
    const authors = meaningful(info?.Author, 3);
    const title = meaningful(info?.Title, 9) ?? (await titleOnPage(doc));
    return { ...(title ? { title } : {}), ...(authors ? { authors } : {}) };
  } finally {
    await doc.destroy();
  }
}

async function titleOnPage(doc: Awaited<ReturnType<Pdfjs['getDocument']>['promise']>): Promise<string | undefined> {
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1 });
  const items: PlacedText[] = [];
  for (const item of (await page.getTextContent()).items) {
    if (!('str' in item)) continue;
    const [a, b, c, d, e, f] = item.transform as number[];
    if (Math.abs(b!) > Math.abs(a!)) continue; // rotated, like arXiv's margin stamp
    items.push({ str: item.str, x: e!, y: viewport.height - f!, width: item.width, size: Math.hypot(c!, d!) });
  }
  return titleFromFirstPage(items, viewport.height);
}
