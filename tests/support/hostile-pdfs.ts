/**
 * Hostile PDFs, generated small: each is a few KB to a few hundred KB on disk and costs pdf.js seconds to
 * gigabytes to read. Used by the limits tests and the fuzz suite; built in code, never stored.
 */
import { deflateSync } from 'node:zlib';
import { writePdf, type PdfObject } from '../unit/paperPdfWriter.ts';

const encoder = new TextEncoder();
const FONT: PdfObject = { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' };

/** One page per content stream (objects 1 catalog, 2 pages, 3 font, then `extra`, then contents and pages). */
function pagesPdf(
  contents: (string | Uint8Array)[],
  options: { extra?: PdfObject[]; resources?: string; count?: number; contentRefs?: (n: number) => string } = {},
): Uint8Array {
  const objects: PdfObject[] = [{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: '' }, FONT, ...(options.extra ?? [])];
  const kids: number[] = [];
  for (const content of contents) {
    const stream = typeof content === 'string' ? encoder.encode(content) : content;
    objects.push({ dict: typeof content === 'string' ? '' : '/Filter /FlateDecode', stream });
    const ref = options.contentRefs ? options.contentRefs(objects.length) : `${objects.length} 0 R`;
    objects.push({
      dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${ref} /Resources << /Font << /F1 3 0 R >> ${options.resources ?? ''} >> >>`,
    });
    kids.push(objects.length);
  }
  objects[1] = { dict: `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${options.count ?? kids.length} >>` };
  return writePdf(objects);
}

const caption = (n: number) => `BT /F1 10 Tf 72 720 Td (Figure ${n}: the network.) Tj ET BT /F1 10 Tf 72 100 Td (Table ${n}: layers.) Tj ET`;

/** `pages` pages of one caption each whose page tree states `/Count count`. */
export function countPdf(count: number, pages = 5): Uint8Array {
  return pagesPdf(
    Array.from({ length: pages }, (_, i) => caption(i + 1)),
    { count },
  );
}

/**
 * A form XObject tree `depth` deep where each form draws the next `fanOut` times: (fanOut^depth) paths from a
 * file of ~3 KB (the "billion laughs" of PDF).
 */
export function fanOutFormPdf(depth = 8, fanOut = 10): Uint8Array {
  const first = 4;
  const forms: PdfObject[] = [];
  for (let level = 0; level < depth; level++) {
    const leaf = level === depth - 1;
    const body = leaf ? '0 0 m 10 10 l S' : Array.from({ length: fanOut }, (_, i) => `q 1 0 0 1 ${i} 0 cm /Fm Do Q`).join(' ');
    const resources = leaf ? '' : `/Resources << /XObject << /Fm ${first + level + 1} 0 R >> >>`;
    forms.push({ dict: `/Type /XObject /Subtype /Form /BBox [0 0 612 792] ${resources}`, stream: encoder.encode(body) });
  }
  return pagesPdf([`${caption(1)} /Fm Do`], { extra: forms, resources: `/XObject << /Fm ${first} 0 R >>` });
}

/**
 * A page whose content is one small deflated stream of path operators listed `repeats` times in /Contents:
 * ~`repeats` MB of operators to parse from a file of a few KB.
 */
export function contentBombPdf(repeats = 2000): Uint8Array {
  const chunk = encoder.encode('0 0 m 10 10 l 20 0 l h f\n'.repeat(40_000));
  const stream = deflateSync(chunk, { level: 9 });
  const objects: PdfObject[] = [
    { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
    { dict: '<< /Type /Pages /Kids [6 0 R] /Count 1 >>' },
    FONT,
    { dict: '/Filter /FlateDecode', stream },
    { dict: '', stream: encoder.encode(caption(1)) },
    { dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [5 0 R ${'4 0 R '.repeat(repeats)}] /Resources << /Font << /F1 3 0 R >> >> >>` },
  ];
  return writePdf(objects);
}

/** `pages` captioned pages, page `stuck` a content-stream bomb (see contentBombPdf): one stuck page among readable ones. */
export function stuckPagePdf(stuck = 2, pages = 3, repeats = 2000): Uint8Array {
  const bomb = deflateSync(encoder.encode('0 0 m 10 10 l 20 0 l h f\n'.repeat(40_000)), { level: 9 });
  const contents = Array.from({ length: pages }, (_, i) => (i + 1 === stuck ? bomb : caption(i + 1)));
  // Objects 1-3 are the catalog, the page tree and the font; then each page's content stream and page.
  const bombObject = 4 + 2 * (stuck - 1);
  return pagesPdf(contents, { contentRefs: (n) => (n === bombObject ? `[${`${n} 0 R `.repeat(repeats)}]` : `${n} 0 R`) });
}

/** One `side`×`side` 1-bit image (deflated: ~side²/8/1000 bytes on disk) drawn on a captioned page. */
export function hugeImagePdf(side = 30_000): Uint8Array {
  const row = new Uint8Array(Math.ceil(side / 8)).fill(0xaa);
  const raw = new Uint8Array(row.length * side);
  for (let y = 0; y < side; y++) raw.set(row, y * row.length);
  const image: PdfObject = {
    dict: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode`,
    stream: deflateSync(raw, { level: 1 }),
  };
  return pagesPdf([`${caption(1)} q 400 0 0 400 100 200 cm /Im1 Do Q`], { extra: [image], resources: '/XObject << /Im1 4 0 R >>' });
}

/**
 * A captioned figure that is quick to list and slow to draw: one small image (decoded once while pdf.js lists the
 * page) painted `repeats` times over the figure's area, so rendering the figure for the classifier paints
 * `repeats` large images. The page reads in a moment; only the bitmap figure step is stuck.
 */
export function slowFigurePdf(repeats = 20_000, side = 64): Uint8Array {
  const raw = new Uint8Array(side * side);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 37) & 0xff;
  const image: PdfObject = {
    dict: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
    stream: deflateSync(raw),
  };
  const paint = 'q 400 0 0 400 100 250 cm /Im1 Do Q\n'.repeat(repeats);
  const text = 'BT /F1 10 Tf 72 230 Td (Figure 1: the network we use.) Tj ET BT /F1 10 Tf 72 700 Td (A paper with one figure.) Tj ET';
  return pagesPdf([deflateSync(encoder.encode(`${text}\n${paint}`))], { extra: [image], resources: '/XObject << /Im1 4 0 R >>' });
}
