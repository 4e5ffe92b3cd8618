/**
 * Bad PDFs — not a PDF, empty, truncated, encrypted, no pages, 1,000 pages, a 50 MB scan — each end in a
 * clear PdfReadError or a partial result with warnings, within the page cap and time budget (never a hang:
 * vitest's timeout is the backstop). The files are generated here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PdfReadError, readDocument } from '../../src/paper/index.ts';
import { writePdf, type PdfObject } from './paperPdfWriter.ts';
import { extractDesigns } from '../../src/pipeline/extract.ts';

const encoder = new TextEncoder();

/** Pages with one line of Helvetica text each; `image` adds a raw RGB image XObject to the first page. */
function textPdf(lines: string[], image?: { width: number; height: number }): Uint8Array {
  const objects: PdfObject[] = [
    { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
    { dict: '' },
    { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' },
  ];
  if (image) {
    const data = new Uint8Array(image.width * image.height * 3).fill(200);
    objects.push({
      dict: `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8`,
      stream: data,
    });
  }
  const kids: number[] = [];
  lines.forEach((line, i) => {
    const drawImage = image && i === 0 ? 'q 612 0 0 792 0 0 cm /Im1 Do Q ' : '';
    const text = line ? `BT /F1 10 Tf 72 700 Td (${line}) Tj ET` : '';
    objects.push({ dict: '<<', stream: encoder.encode(drawImage + text) });
    const contentRef = objects.length;
    const xobjects = image ? ' /XObject << /Im1 4 0 R >>' : '';
    objects.push({
      dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contentRef} 0 R /Resources << /Font << /F1 3 0 R >>${xobjects} >> >>`,
    });
    kids.push(objects.length);
  });
  objects[1] = { dict: `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>` };
  return writePdf(objects.map((o) => (o.stream && o.dict === '<<' ? { ...o, dict: '' } : o)));
}

describe('bad PDFs', () => {
  it('rejects bytes that are not a PDF, and an empty file, with a clear error', async () => {
    await expect(readDocument(encoder.encode('<html><body>not a paper</body></html>'))).rejects.toThrow(/not a PDF/);
    await expect(readDocument(new Uint8Array(0))).rejects.toThrow(/empty/);
    await expect(readDocument(encoder.encode('%PDF-1.7\n garbage garbage'))).rejects.toBeInstanceOf(PdfReadError);
  });

  it('says an encrypted PDF needs a password', async () => {
    const pdf = writePdf(
      [
        { dict: '<< /Type /Catalog /Pages 2 0 R >>' },
        { dict: '<< /Type /Pages /Kids [] /Count 0 >>' },
        { dict: `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>` },
      ],
      `/Encrypt 3 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`,
    );
    await expect(readDocument(pdf)).rejects.toThrow(/encrypted/);
  });

  it('reports a PDF with no pages as an error', async () => {
    const pdf = writePdf([{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: '<< /Type /Pages /Kids [] /Count 0 >>' }]);
    await expect(readDocument(pdf)).rejects.toBeInstanceOf(PdfReadError);
  });

  it('reads a truncated PDF partially or refuses it, never hangs', async () => {
    const vgg = readFileSync(new URL('../../../shared/corpus/pdf/vgg.pdf', import.meta.url));
    const truncated = new Uint8Array(vgg.subarray(0, Math.floor(vgg.length * 0.4)));
    try {
      const doc = await readDocument(truncated);
      expect(doc.pages.length).toBeLessThan(14);
      expect(doc.pages.length + doc.warnings.length).toBeGreaterThan(0);
    } catch (error) {
      expect(error).toBeInstanceOf(PdfReadError);
    }
  });

  it('caps a 1,000-page PDF at the page limit and says so', async () => {
    const pdf = textPdf(Array.from({ length: 1000 }, (_, i) => `Page ${i + 1} of a very long report.`));
    const doc = await readDocument(pdf, { maxPages: 60 });
    expect(doc.pageCount).toBe(1000);
    expect(doc.pages).toHaveLength(60);
    expect(doc.warnings.join()).toMatch(/first 60 of 1000 pages/);
    expect(doc.pages[59].texts[0].str).toBe('Page 60 of a very long report.');
  });

  it('stops at the time budget with a partial result', async () => {
    const pdf = textPdf(Array.from({ length: 300 }, (_, i) => `Page ${i + 1}.`));
    const doc = await readDocument(pdf, { maxPages: 300, totalTimeMs: 1 });
    expect(doc.pages.length).toBeLessThan(300);
    expect(doc.warnings.join()).toMatch(/time budget/);
  });

  it('reads a 50 MB scanned page without a text layer: no designs, a warning about OCR', async () => {
    const pdf = textPdf([''], { width: 4096, height: 4096 });
    expect(pdf.length).toBeGreaterThan(50_000_000);
    const result = await extractDesigns(pdf);
    expect(result.designs).toEqual([]);
    expect(result.warnings.join()).toMatch(/no text layer/);
  });

  it('reads a 50 MB scan whose page names a figure within the page budget', async () => {
    const pdf = textPdf(['Figure 1: a scanned drawing'], { width: 4096, height: 4096 });
    const doc = await readDocument(pdf, { pageTimeMs: 20_000 });
    expect(doc.pages).toHaveLength(1);
    expect(doc.pages[0].images.length).toBe(1);
    expect(doc.pages[0].images[0].pixels).toEqual([4096, 4096]);
  });
});
