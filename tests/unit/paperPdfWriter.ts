/** Writes small, well-formed PDFs for tests: numbered objects, a real xref table, Helvetica text placed by hand. */
const encoder = new TextEncoder();

export interface PdfObject {
  dict: string;
  stream?: Uint8Array;
}

export function writePdf(objects: PdfObject[], trailerExtra = ''): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (chunk: Uint8Array | string) => {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  push('%PDF-1.4\n');
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(length);
    if (obj.stream) {
      push(`${i + 1} 0 obj\n<< ${obj.dict} /Length ${obj.stream.length} >>\nstream\n`);
      push(obj.stream);
      push('\nendstream\nendobj\n');
    } else push(`${i + 1} 0 obj\n${obj.dict}\nendobj\n`);
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Text at a position in top-left coordinates (points), and optional drawing operators, per page. */
export interface PageSpec {
  texts: Array<{ str: string; x: number; y: number; size?: number }>;
  /** Raw content-stream operators in PDF (bottom-left) coordinates, e.g. "100 100 50 20 re S". */
  drawing?: string;
  image?: { width: number; height: number; box: [number, number, number, number] };
}

const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

export function pagesPdf(pages: PageSpec[]): Uint8Array {
  const objects: PdfObject[] = [{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: '' }, { dict: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' }];
  const kids: number[] = [];
  for (const page of pages) {
    let imageRef = 0;
    if (page.image) {
      objects.push({ dict: `/Type /XObject /Subtype /Image /Width ${page.image.width} /Height ${page.image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8`, stream: new Uint8Array(page.image.width * page.image.height * 3).fill(180) });
      imageRef = objects.length;
    }
    const [ix0, iy0, ix1, iy1] = page.image?.box ?? [0, 0, 0, 0];
    const image = page.image ? `q ${ix1 - ix0} 0 0 ${iy1 - iy0} ${ix0} ${792 - iy1} cm /Im1 Do Q\n` : '';
    const text = page.texts.map((t) => `BT /F1 ${t.size ?? 10} Tf ${t.x} ${792 - t.y - (t.size ?? 10) * 0.8} Td (${escape(t.str)}) Tj ET`).join('\n');
    objects.push({ dict: '', stream: encoder.encode(`${image}${page.drawing ?? ''}\n${text}`) });
    const content = objects.length;
    const xobject = imageRef ? ` /XObject << /Im1 ${imageRef} 0 R >>` : '';
    objects.push({ dict: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R /Resources << /Font << /F1 3 0 R >>${xobject} >> >>` });
    kids.push(objects.length);
  }
  objects[1] = { dict: `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>` };
  return writePdf(objects);
}
