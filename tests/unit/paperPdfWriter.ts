/** Writes small, well-formed PDFs for tests: numbered objects, a real xref table, Helvetica text placed by hand. */
import { deflateSync } from 'node:zlib';

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
  /** A placed image: flat grey RGB, or the given 8-bit grey pixels (a scan). */
  image?: { width: number; height: number; box: [number, number, number, number]; gray?: Uint8Array };
}

const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
const hex = (n: number, digits: number) => `<${n.toString(16).toUpperCase().padStart(digits, '0')}>`;

/** A ToUnicode CMap sending each printable ASCII code to `unicode(code)`: what a font without a faithful map gives. */
function toUnicodeCmap(unicode: (code: number) => number): Uint8Array {
  const pairs = Array.from({ length: 0x7f - 0x20 }, (_, i) => `${hex(0x20 + i, 2)} ${hex(unicode(0x20 + i), 4)}`);
  return encoder.encode(
    `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Test-UCS def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
${pairs.length} beginbfchar\n${pairs.join('\n')}\nendbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`,
  );
}

export interface PagesPdfOptions {
  /** The text font's ToUnicode map, code → codepoint; without it the font's own encoding stands. */
  toUnicode?: (code: number) => number;
}

export function pagesPdf(pages: PageSpec[], options: PagesPdfOptions = {}): Uint8Array {
  const objects: PdfObject[] = [{ dict: '<< /Type /Catalog /Pages 2 0 R >>' }, { dict: '' }, { dict: '' }];
  let toUnicode = '';
  if (options.toUnicode) {
    objects.push({ dict: '', stream: toUnicodeCmap(options.toUnicode) });
    toUnicode = ` /ToUnicode ${objects.length} 0 R`;
  }
  objects[2] = { dict: `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding${toUnicode} >>` };
  const kids: number[] = [];
  for (const page of pages) {
    let imageRef = 0;
    if (page.image) {
      const { width, height, gray } = page.image;
      const pixels = gray ? `/ColorSpace /DeviceGray /Filter /FlateDecode` : `/ColorSpace /DeviceRGB`;
      const stream = gray ? new Uint8Array(deflateSync(gray)) : new Uint8Array(width * height * 3).fill(180);
      objects.push({ dict: `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} ${pixels} /BitsPerComponent 8`, stream });
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
